/*
 * The byte stream: segmentation at the effective send MSS, PSH on the last
 * segment of a send (MUST-61), and sequence arithmetic across the 2^32 wrap.
 */
#include "lifecycle-test-apps.h"
#include "lifecycle-test-network.h"

namespace ns3
{
namespace lifecycle_test
{
namespace
{

class ByteStream : public SimulationTest
{
  protected:
    void SetUp() override
    {
        SimulationTest::SetUp();
        Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1460));
    }
};

TEST_F(ByteStream, OneSend_IsCutIntoFullSegmentsWithPshOnlyOnTheLast)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    StreamReceiver receiver(false);
    receiver.Attach(c.b);
    std::vector<uint8_t> data(20000);
    for (size_t i = 0; i < data.size(); ++i)
    {
        data[i] = StreamByte(i, 11);
    }
    size_t before = net.Segments().size();
    Simulator::Schedule(Seconds(0.5),
                        [&]() { c.a->Send(Create<Packet>(data.data(), data.size())); });
    net.RunUntil(Seconds(3));
    EXPECT_TRUE(receiver.Matches(20000, 11));
    std::vector<uint32_t> lengths;
    std::vector<bool> psh;
    for (size_t i = before; i < net.Segments().size(); ++i)
    {
        const auto& s = net.Segments()[i];
        if (s.from == 'A' && s.length > 0)
        {
            lengths.push_back(s.length);
            psh.push_back(s.flags & TcpHeader::PSH);
        }
    }
    std::vector<uint32_t> expected(13, 1448);
    expected.push_back(20000 - 13 * 1448);
    EXPECT_EQ(lengths, expected);
    std::vector<bool> expectedPsh(14, false);
    expectedPsh.back() = true;
    EXPECT_EQ(psh, expectedPsh);
}

TEST_F(ByteStream, PeerMss_BoundsTheSegments)
{
    TwoNodeNetwork net;
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    listener->SetAttribute("SegmentSize", UintegerValue(600));
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 80);
    StreamSender sender(a, 30000, 6, StreamSender::Finish::CLOSE);
    a->SetConnectCallback(Callback<void, Ptr<Socket>>([&](Ptr<Socket>) { sender.Start(); }),
                          MakeNullCallback<void, Ptr<Socket>>());
    StreamReceiver receiver;
    listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                Callback<void, Ptr<Socket>, const Address&>(
                                    [&](Ptr<Socket> s, const Address&) { receiver.Attach(s); }));
    net.RunUntil(Seconds(5));
    EXPECT_TRUE(receiver.Matches(30000, 6));
    EXPECT_EQ(a->GetSendVars().mss, 588U); // B's 600 less 12 bytes of timestamps
    for (const auto& s : net.SegmentsFrom('A'))
    {
        EXPECT_LE(s.length, 588U);
    }
}

// Sequence numbers are modulo 2^32 (RFC 9293 3.4): both directions start just
// below 2^32 and every byte still arrives once, in order, and both close.
TEST_F(ByteStream, IsnJustBelowTwoToThe32_DataCrossesTheWrapInBothDirections)
{
    TwoNodeNetwork net;
    net.SetIss('A', {0xFFFFF000U});
    net.SetIss('B', {0xFFFFFF00U});
    Config::SetDefault("ns3::LifecycleTcpSocket::Msl", TimeValue(Seconds(1)));
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 80);
    StreamSender toB(a, 1000000, 12, StreamSender::Finish::SHUTDOWN_SEND);
    StreamReceiver atA(false);
    atA.Attach(a);
    a->SetConnectCallback(Callback<void, Ptr<Socket>>([&](Ptr<Socket>) { toB.Start(); }),
                          MakeNullCallback<void, Ptr<Socket>>());
    StreamReceiver atB(false);
    std::unique_ptr<StreamSender> toA;
    listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                Callback<void, Ptr<Socket>, const Address&>(
                                    [&](Ptr<Socket> s, const Address&)
                                    {
                                        atB.Attach(s);
                                        toA = std::make_unique<StreamSender>(
                                            s, 100000, 13, StreamSender::Finish::SHUTDOWN_SEND);
                                        toA->Start();
                                    }));
    net.RunUntil(Seconds(20));
    EXPECT_TRUE(atB.Matches(1000000, 12));
    EXPECT_TRUE(atA.Matches(100000, 13));
    bool wrappedA = false;
    bool wrappedB = false;
    for (const auto& s : net.Segments())
    {
        (s.from == 'A' ? wrappedA : wrappedB) |= s.length > 0 && s.seq < 0x10000000U;
    }
    EXPECT_TRUE(wrappedA);
    EXPECT_TRUE(wrappedB);
    EXPECT_EQ(a->GetState(), TcpSocket::CLOSED); // TIME_WAIT (2 s) is over
    EXPECT_EQ(a->GetSendVars().una, SequenceNumber32(0xFFFFF000U + 1 + 1000000 + 1));
    EXPECT_TRUE(net.Retransmissions(a).empty());
}

} // namespace
} // namespace lifecycle_test
} // namespace ns3
