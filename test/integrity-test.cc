/*
 * Every byte arrives exactly once and in order -- the hash of what was sent
 * equals the hash of what was read -- under random loss (both directions),
 * reordering and duplication, over several RNG runs; and the connection
 * still closes properly.
 */
#include "lifecycle-test-apps.h"
#include "lifecycle-test-network.h"

namespace ns3
{
namespace lifecycle_test
{
namespace
{

struct Impairment
{
    const char* name;
    double loss;
    double reorder;
    double duplicate;
};

class Integrity
    : public SimulationTest
    , public ::testing::WithParamInterface<std::tuple<Impairment, int>>
{
};

TEST_P(Integrity, EveryByteArrivesOnceInOrderAndTheConnectionCloses)
{
    auto [impairment, run] = GetParam();
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1460));
    // Heavy loss can take a segment many tries: allow them, as a user
    // studying loss would.
    Config::SetDefault("ns3::TcpSocket::DataRetries", UintegerValue(15));
    Config::SetDefault("ns3::TcpSocket::ConnCount", UintegerValue(15));
    Config::SetDefault("ns3::LifecycleTcpSocket::Msl", TimeValue(Seconds(10)));
    TwoNodeNetwork::Options o;
    o.lossAToB = impairment.loss;
    o.lossBToA = impairment.loss;
    o.reorder = impairment.reorder;
    o.duplicate = impairment.duplicate;
    o.stream = 5000 + 100 * run;
    TwoNodeNetwork net(o);

    const uint64_t bytes = 1000000;
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    StreamReceiver receiver; // closes when the sender's FIN arrives
    listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                Callback<void, Ptr<Socket>, const Address&>(
                                    [&](Ptr<Socket> s, const Address&) { receiver.Attach(s); }));
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 80);
    StreamSender sender(a, bytes, static_cast<uint32_t>(run), StreamSender::Finish::CLOSE);
    a->SetConnectCallback(Callback<void, Ptr<Socket>>([&](Ptr<Socket>) { sender.Start(); }),
                          MakeNullCallback<void, Ptr<Socket>>());
    net.RunUntil(Seconds(1000));

    EXPECT_TRUE(receiver.Matches(bytes, static_cast<uint32_t>(run)))
        << "received " << receiver.Received() << " of " << bytes;
    EXPECT_TRUE(sender.Done());
    if (impairment.loss > 0)
    {
        EXPECT_GT(net.LinkDrops(), 0U); // the impairment really happened
    }
    EXPECT_EQ(a->GetState(), TcpSocket::CLOSED);
    EXPECT_EQ(a->GetStats().end, LifecycleTcpEnd::CLOSED_NORMALLY);
    auto b = net.Sockets('B').back();
    EXPECT_EQ(b->GetState(), TcpSocket::CLOSED);
}

INSTANTIATE_TEST_SUITE_P(Impairments,
                         Integrity,
                         ::testing::Combine(::testing::Values(Impairment{"Loss1", 0.01, 0, 0},
                                                              Impairment{"Loss5", 0.05, 0, 0},
                                                              Impairment{"Loss10", 0.10, 0, 0},
                                                              Impairment{"Loss20", 0.20, 0, 0},
                                                              Impairment{"Reorder5", 0, 0.05, 0},
                                                              Impairment{"Reorder20", 0, 0.20, 0},
                                                              Impairment{"Duplicate5", 0, 0, 0.05},
                                                              Impairment{"Duplicate20", 0, 0, 0.20},
                                                              Impairment{
                                                                  "AllTogether", 0.05, 0.05, 0.05}),
                                            ::testing::Values(1, 2, 3)),
                         [](const ::testing::TestParamInfo<std::tuple<Impairment, int>>& info)
                         {
                             return std::string(std::get<0>(info.param).name) + "Run"
                                    + std::to_string(std::get<1>(info.param));
                         });

} // namespace
} // namespace lifecycle_test
} // namespace ns3
