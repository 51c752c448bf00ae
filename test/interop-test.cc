/*
 * Interoperation with ns-3's native TCP on one channel: this model as client
 * against a native server and the reverse; a bulk transfer with and without
 * loss; both close orders. Every byte must arrive and both sides must end in
 * the right states.
 */
#include "lifecycle-test-apps.h"
#include "lifecycle-test-network.h"

namespace ns3
{
namespace lifecycle_test
{
namespace
{

struct InteropCase
{
    const char* name;
    bool modelIsClient;     //!< this model connects, the native TCP listens (else the reverse)
    double loss;            //!< random loss each way
    bool clientClosesFirst; //!< the client closes after its last byte (else the server first)
};

class Interop
    : public SimulationTest
    , public ::testing::WithParamInterface<InteropCase>
{
};

/// Records the states a socket of either stack goes through.
void
RecordStates(Ptr<Socket> s, std::vector<std::string>& states)
{
    s->TraceConnectWithoutContext("State",
                                  Callback<void, TcpSocket::TcpStates_t, TcpSocket::TcpStates_t>(
                                      [&states](TcpSocket::TcpStates_t, TcpSocket::TcpStates_t to)
                                      { states.push_back(TcpSocket::TcpStateName[to]); }));
}

TEST_P(Interop, BulkTransferArrivesWholeAndBothSidesEndWhereTheCloseOrderSays)
{
    InteropCase k = GetParam();
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1460));
    Config::SetDefault("ns3::TcpSocket::DataRetries", UintegerValue(12));
    TwoNodeNetwork::Options o;
    o.nativeB = true; // B runs ns3::TcpL4Protocol
    o.lossAToB = k.loss;
    o.lossBToA = k.loss;
    TwoNodeNetwork net(o);
    char client = k.modelIsClient ? 'A' : 'B';
    char server = k.modelIsClient ? 'B' : 'A';
    const uint64_t bytes = 400000;

    std::vector<std::string> serverStates;
    std::vector<std::string> clientStates;
    Ptr<Socket> listener = Socket::CreateSocket(net.GetNode(server), TcpSocketFactory::GetTypeId());
    ASSERT_EQ(listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), 80)), 0);
    ASSERT_EQ(listener->Listen(), 0);
    StreamReceiver receiver(k.clientClosesFirst, k.clientClosesFirst ? 0 : bytes);
    listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                Callback<void, Ptr<Socket>, const Address&>(
                                    [&](Ptr<Socket> s, const Address&)
                                    {
                                        RecordStates(s, serverStates);
                                        receiver.Attach(s);
                                    }));

    Ptr<Socket> socket = Socket::CreateSocket(net.GetNode(client), TcpSocketFactory::GetTypeId());
    RecordStates(socket, clientStates);
    StreamSender sender(socket,
                        bytes,
                        21,
                        k.clientClosesFirst ? StreamSender::Finish::CLOSE
                                            : StreamSender::Finish::NOTHING);
    socket->SetConnectCallback(Callback<void, Ptr<Socket>>([&](Ptr<Socket>) { sender.Start(); }),
                               MakeNullCallback<void, Ptr<Socket>>());
    if (!k.clientClosesFirst)
    {
        // The client closes once it hears the server's FIN.
        socket->SetCloseCallbacks(Callback<void, Ptr<Socket>>([](Ptr<Socket> s) { s->Close(); }),
                                  MakeNullCallback<void, Ptr<Socket>>());
    }
    Simulator::Schedule(Seconds(1),
                        [&]() { socket->Connect(InetSocketAddress(net.Addr(server), 80)); });
    net.RunUntil(Seconds(120));

    EXPECT_TRUE(receiver.Matches(bytes, 21)) << "received " << receiver.Received();
    if (k.loss > 0)
    {
        EXPECT_GT(net.LinkDrops(), 0U); // the loss really happened
    }
    ASSERT_FALSE(clientStates.empty());
    ASSERT_FALSE(serverStates.empty());
    // The active closer holds TIME_WAIT (2*MSL = 240 s by both stacks'
    // defaults); the passive closer went through LAST_ACK to CLOSED.
    std::string activeLast = k.clientClosesFirst ? clientStates.back() : serverStates.back();
    std::string passiveLast = k.clientClosesFirst ? serverStates.back() : clientStates.back();
    EXPECT_EQ(activeLast, "TIME_WAIT");
    EXPECT_EQ(passiveLast, "CLOSED");
    auto& passive = k.clientClosesFirst ? serverStates : clientStates;
    EXPECT_NE(std::find(passive.begin(), passive.end(), "LAST_ACK"), passive.end());
    EXPECT_NE(std::find(clientStates.begin(), clientStates.end(), "ESTABLISHED"),
              clientStates.end());
}

INSTANTIATE_TEST_SUITE_P(
    NativeTcp,
    Interop,
    ::testing::Values(
        InteropCase{"ModelClientNativeServer_ClientClosesFirst", true, 0, true},
        InteropCase{"ModelClientNativeServer_ServerClosesFirst", true, 0, false},
        InteropCase{"NativeClientModelServer_ClientClosesFirst", false, 0, true},
        InteropCase{"NativeClientModelServer_ServerClosesFirst", false, 0, false},
        InteropCase{"ModelClientNativeServer_Loss2_ClientClosesFirst", true, 0.02, true},
        InteropCase{"ModelClientNativeServer_Loss2_ServerClosesFirst", true, 0.02, false},
        InteropCase{"NativeClientModelServer_Loss2_ClientClosesFirst", false, 0.02, true},
        InteropCase{"NativeClientModelServer_Loss2_ServerClosesFirst", false, 0.02, false}),
    [](const ::testing::TestParamInfo<InteropCase>& info) { return info.param.name; });

} // namespace
} // namespace lifecycle_test
} // namespace ns3
