/*
 * The service applications the emulation puts on the simulated node --
 * echo, discard, bulk, a minimal HTTP/1.0 server, and the client -- in
 * simulated time between two nodes (this model on both, or ns-3's native
 * TCP on one): what each sends, who closes first and where each side ends;
 * the HTTP protocol pieces; the stream pattern every bulk byte comes from;
 * and where the TapBridge library runs its helper from.
 */
#include "lifecycle-test-network.h"

#include "ns3/lifecycle-tcp-emulation-environment.h"
#include "ns3/lifecycle-tcp-http.h"
#include "ns3/lifecycle-tcp-service-apps.h"
#include "ns3/lifecycle-tcp-stream-pattern.h"

#include <gtest/gtest.h>

namespace ns3
{
namespace lifecycle_test
{
namespace
{

using Service = LifecycleTcpServiceConnection;

// ---------------------------------------------------------------------------
// The stream pattern
// ---------------------------------------------------------------------------

TEST(StreamPattern, EachEightByteWordIsItsIndexBigEndian)
{
    std::vector<uint8_t> b(24);
    LifecycleTcpStreamPattern(0, b.data(), b.size());
    std::vector<uint8_t> expected{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                  0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2};
    EXPECT_EQ(b, expected);
    // Word 0x0102 at offset 0x0102 * 8.
    std::vector<uint8_t> w(8);
    LifecycleTcpStreamPattern(0x0102 * 8, w.data(), w.size());
    EXPECT_EQ(w, (std::vector<uint8_t>{0, 0, 0, 0, 0, 0, 1, 2}));
}

TEST(StreamPattern, APieceAtAnOffsetIsTheSameBytesAsTheWholeStream)
{
    std::vector<uint8_t> whole(5000);
    LifecycleTcpStreamPattern(0, whole.data(), whole.size());
    std::vector<uint8_t> piece(1001);
    LifecycleTcpStreamPattern(1234, piece.data(), piece.size());
    EXPECT_TRUE(std::equal(piece.begin(), piece.end(), whole.begin() + 1234));
    Ptr<Packet> p = LifecycleTcpStreamPatternPacket(1234, 1001);
    std::vector<uint8_t> copied(p->GetSize());
    p->CopyData(copied.data(), copied.size());
    EXPECT_EQ(copied, piece);
}

// ---------------------------------------------------------------------------
// HTTP/1.0
// ---------------------------------------------------------------------------

TEST(Http, HeadEndsAtTheEmptyLine_CrlfOrBareLf)
{
    EXPECT_EQ(LifecycleTcpHttp::HeadLength("GET / HTTP/1.0\r\n\r\n"), 18U);
    EXPECT_EQ(LifecycleTcpHttp::HeadLength("GET / HTTP/1.0\r\nHost: a\r\n\r\nrest"), 27U);
    EXPECT_EQ(LifecycleTcpHttp::HeadLength("GET /\n\n"), 7U);
    EXPECT_EQ(LifecycleTcpHttp::HeadLength("GET / HTTP/1.0\r\nHost: a\r\n"), 0U);
    EXPECT_EQ(LifecycleTcpHttp::HeadLength(""), 0U);
}

TEST(Http, GetOfASizeIsAnsweredWithThatManyPatternBytes)
{
    LifecycleTcpHttpResponse r = LifecycleTcpHttp::Answer(
        "GET /10MB HTTP/1.1\r\nHost: 10.77.1.2\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.requestLine, "GET /10MB HTTP/1.1");
    EXPECT_EQ(r.patternBytes, 10000000U);
    EXPECT_EQ(r.text, "");
    EXPECT_EQ(r.head.rfind("HTTP/1.0 200 OK\r\n", 0), 0U) << r.head;
    EXPECT_NE(r.head.find("\r\nContent-Length: 10000000\r\n"), std::string::npos);
    EXPECT_NE(r.head.find("\r\nConnection: close\r\n"), std::string::npos);
    EXPECT_EQ(r.head.substr(r.head.size() - 4), "\r\n\r\n");
}

TEST(Http, HeadGetsTheHeadOnly)
{
    LifecycleTcpHttpResponse r = LifecycleTcpHttp::Answer("HEAD /1500 HTTP/1.0\r\n\r\n");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.patternBytes, 0U);
    EXPECT_NE(r.head.find("Content-Length: 1500\r\n"), std::string::npos);
}

TEST(Http, RootIsATextPageWhoseLengthIsDeclared)
{
    LifecycleTcpHttpResponse r = LifecycleTcpHttp::Answer("GET / HTTP/1.0\r\n\r\n");
    EXPECT_EQ(r.status, 200);
    ASSERT_FALSE(r.text.empty());
    EXPECT_NE(r.head.find("Content-Length: " + std::to_string(r.text.size()) + "\r\n"),
              std::string::npos);
}

TEST(Http, UnknownPathIs404_OtherMethod501_MalformedOrTooLong400)
{
    EXPECT_EQ(LifecycleTcpHttp::Answer("GET /index.html HTTP/1.0\r\n\r\n").status, 404);
    EXPECT_EQ(LifecycleTcpHttp::Answer("GET /10XB HTTP/1.0\r\n\r\n").status, 404);
    EXPECT_EQ(LifecycleTcpHttp::Answer("POST /10 HTTP/1.0\r\n\r\n").status, 501);
    EXPECT_EQ(LifecycleTcpHttp::Answer("GET\r\n\r\n").status, 400);
    EXPECT_EQ(LifecycleTcpHttp::Answer("GET /1 FTP/1.0\r\n\r\n").status, 400);
    EXPECT_EQ(LifecycleTcpHttp::Answer("GET /1 HTTP/1.0 extra\r\n\r\n").status, 400);
    EXPECT_EQ(LifecycleTcpHttp::TooLong().status, 400);
    // A Simple-Request (RFC 1945 4.1) has no version: answered.
    EXPECT_EQ(LifecycleTcpHttp::Answer("GET /8\n\n").status, 200);
}

TEST(Http, SizesArePowersOf1000Or1024AndBounded)
{
    uint64_t n = 0;
    EXPECT_TRUE(LifecycleTcpHttp::ParseSize("1500", n));
    EXPECT_EQ(n, 1500U);
    EXPECT_TRUE(LifecycleTcpHttp::ParseSize("64kB", n));
    EXPECT_EQ(n, 64000U);
    EXPECT_TRUE(LifecycleTcpHttp::ParseSize("10MB", n));
    EXPECT_EQ(n, 10000000U);
    EXPECT_TRUE(LifecycleTcpHttp::ParseSize("2MiB", n));
    EXPECT_EQ(n, 2097152U);
    EXPECT_TRUE(LifecycleTcpHttp::ParseSize("0", n));
    EXPECT_EQ(n, 0U);
    EXPECT_FALSE(LifecycleTcpHttp::ParseSize("1.5MB", n));
    EXPECT_FALSE(LifecycleTcpHttp::ParseSize("MB", n));
    EXPECT_FALSE(LifecycleTcpHttp::ParseSize("", n));
    EXPECT_FALSE(LifecycleTcpHttp::ParseSize("2000GB", n)); // above MaxBody
}

// ---------------------------------------------------------------------------
// The applications, in simulated time
// ---------------------------------------------------------------------------

class ServiceApps : public SimulationTest
{
  protected:
    void SetUp() override
    {
        SimulationTest::SetUp();
        Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1460));
    }

    /// A server app of \p service on node \p n, port 80.
    Ptr<LifecycleTcpServiceServer> Server(TwoNodeNetwork& net,
                                          char n,
                                          Service::Service service,
                                          bool closeFirst = false,
                                          uint64_t bytes = 0)
    {
        Ptr<LifecycleTcpServiceServer> s = CreateObject<LifecycleTcpServiceServer>();
        s->SetAttribute("Service", EnumValue(service));
        s->SetAttribute("CloseFirst", BooleanValue(closeFirst));
        s->SetAttribute("Bytes", UintegerValue(bytes));
        s->TraceConnectWithoutContext("Done",
                                      Callback<void, const LifecycleTcpServiceOutcome&>(
                                          [this](const LifecycleTcpServiceOutcome& o)
                                          { serverDone.push_back(o); }));
        net.GetNode(n)->AddApplication(s);
        return s;
    }

    /// A client app of \p service on node \p n, to the other node's port \p port.
    Ptr<LifecycleTcpServiceClient> Client(TwoNodeNetwork& net,
                                          char n,
                                          Service::Service service,
                                          bool closeFirst = true,
                                          uint64_t bytes = 0,
                                          uint16_t port = 80)
    {
        Ptr<LifecycleTcpServiceClient> c = CreateObject<LifecycleTcpServiceClient>();
        c->SetAttribute("Remote",
                        AddressValue(InetSocketAddress(net.Addr(n == 'A' ? 'B' : 'A'), port)));
        c->SetAttribute("Service", EnumValue(service));
        c->SetAttribute("CloseFirst", BooleanValue(closeFirst));
        c->SetAttribute("Bytes", UintegerValue(bytes));
        c->SetStartTime(Seconds(1));
        c->TraceConnectWithoutContext("Done",
                                      Callback<void, const LifecycleTcpServiceOutcome&>(
                                          [this](const LifecycleTcpServiceOutcome& o)
                                          { clientDone.push_back(o); }));
        net.GetNode(n)->AddApplication(c);
        return c;
    }

    std::vector<LifecycleTcpServiceOutcome> serverDone; //!< the server's connections
    std::vector<LifecycleTcpServiceOutcome> clientDone; //!< the client's connections
};

/// A plain socket that sends \p request, reads everything until the peer closes, then closes.
struct RawClient
{
    std::string received;
    bool peerClosed{false};

    void Start(Ptr<Node> node, Ipv4Address server, uint16_t port, std::string request)
    {
        Ptr<Socket> s = Socket::CreateSocket(node, TcpSocketFactory::GetTypeId());
        s->Bind();
        s->SetRecvCallback(Callback<void, Ptr<Socket>>([this](Ptr<Socket> s) { Read(s); }));
        s->SetConnectCallback(
            Callback<void, Ptr<Socket>>(
                [request](Ptr<Socket> s) {
                    s->Send(Create<Packet>(reinterpret_cast<const uint8_t*>(request.data()),
                                           request.size()));
                }),
            MakeNullCallback<void, Ptr<Socket>>());
        s->SetCloseCallbacks(Callback<void, Ptr<Socket>>(
                                 [this](Ptr<Socket> s)
                                 {
                                     Read(s);
                                     peerClosed = true;
                                     s->Close();
                                 }),
                             MakeNullCallback<void, Ptr<Socket>>());
        s->Connect(InetSocketAddress(server, port));
        m_socket = s;
    }

    void Read(Ptr<Socket> s)
    {
        while (Ptr<Packet> p = s->Recv())
        {
            if (p->GetSize() == 0)
            {
                break;
            }
            std::string text(p->GetSize(), '\0');
            p->CopyData(reinterpret_cast<uint8_t*>(text.data()), text.size());
            received += text;
        }
    }

    Ptr<Socket> m_socket;
};

/// \return \p n bytes of the stream pattern
std::string
Pattern(uint64_t n)
{
    std::string s(n, '\0');
    LifecycleTcpStreamPattern(0, reinterpret_cast<uint8_t*>(s.data()), n);
    return s;
}

TEST_F(ServiceApps, EchoServerAnswersThankYou_TheClientClosesFirstAndHoldsTimeWait)
{
    TwoNodeNetwork net;
    Server(net, 'B', Service::ECHO);
    Client(net, 'A', Service::ECHO);
    net.RunUntil(Seconds(10));
    ASSERT_EQ(clientDone.size(), 1U);
    ASSERT_EQ(serverDone.size(), 1U);
    EXPECT_EQ(clientDone[0].firstLine, "thank you");
    EXPECT_EQ(serverDone[0].firstLine, "hello");
    EXPECT_EQ(clientDone[0].sent, 6U);  // "hello\n"
    EXPECT_EQ(serverDone[0].sent, 10U); // "thank you\n"
    EXPECT_EQ(clientDone[0].state, TcpSocket::TIME_WAIT);
    EXPECT_EQ(serverDone[0].state, TcpSocket::CLOSED);
    EXPECT_FALSE(clientDone[0].peerClosedFirst);
    EXPECT_TRUE(serverDone[0].peerClosedFirst);
    EXPECT_FALSE(clientDone[0].failed);
    EXPECT_FALSE(serverDone[0].failed);
}

TEST_F(ServiceApps, EchoServerWithCloseFirstEndsInTimeWait_TheClientClosed)
{
    TwoNodeNetwork net;
    Server(net, 'B', Service::ECHO, true);
    Client(net, 'A', Service::ECHO, false);
    net.RunUntil(Seconds(10));
    ASSERT_EQ(clientDone.size(), 1U);
    ASSERT_EQ(serverDone.size(), 1U);
    EXPECT_EQ(clientDone[0].firstLine, "thank you");
    EXPECT_EQ(serverDone[0].state, TcpSocket::TIME_WAIT);
    EXPECT_EQ(clientDone[0].state, TcpSocket::CLOSED);
    EXPECT_TRUE(clientDone[0].peerClosedFirst);
    EXPECT_FALSE(serverDone[0].peerClosedFirst);
}

TEST_F(ServiceApps, BulkServerSendsThePatternAndClosesFirst)
{
    TwoNodeNetwork net;
    Server(net, 'B', Service::BULK, false, 300000);
    RawClient raw;
    Simulator::Schedule(Seconds(1), [&]() { raw.Start(net.GetNode('A'), net.Addr('B'), 80, ""); });
    net.RunUntil(Seconds(20));
    EXPECT_TRUE(raw.peerClosed);
    EXPECT_EQ(raw.received.size(), 300000U);
    EXPECT_TRUE(raw.received == Pattern(300000)) << "the bytes differ from the pattern";
    ASSERT_EQ(serverDone.size(), 1U);
    EXPECT_EQ(serverDone[0].sent, 300000U);
    EXPECT_EQ(serverDone[0].state, TcpSocket::TIME_WAIT);
}

TEST_F(ServiceApps, HttpServerAnswersAGetWithItsHeadAndTheBody)
{
    TwoNodeNetwork net;
    Server(net, 'B', Service::HTTP);
    RawClient raw;
    Simulator::Schedule(Seconds(1),
                        [&]() {
                            raw.Start(net.GetNode('A'),
                                      net.Addr('B'),
                                      80,
                                      "GET /100kB HTTP/1.0\r\nHost: b\r\n\r\n");
                        });
    net.RunUntil(Seconds(20));
    size_t head = raw.received.find("\r\n\r\n");
    ASSERT_NE(head, std::string::npos) << raw.received.substr(0, 200);
    EXPECT_EQ(raw.received.rfind("HTTP/1.0 200 OK\r\n", 0), 0U);
    EXPECT_NE(raw.received.find("Content-Length: 100000\r\n"), std::string::npos);
    EXPECT_TRUE(raw.received.substr(head + 4) == Pattern(100000)) << "the body differs";
    EXPECT_TRUE(raw.peerClosed); // HTTP/1.0: the server closes after the response
    ASSERT_EQ(serverDone.size(), 1U);
    EXPECT_EQ(serverDone[0].httpStatus, 200);
    EXPECT_EQ(serverDone[0].firstLine, "GET /100kB HTTP/1.0");
    EXPECT_EQ(serverDone[0].state, TcpSocket::TIME_WAIT);
}

TEST_F(ServiceApps, HttpRequestInPiecesIsAnsweredOnceWhole)
{
    TwoNodeNetwork net;
    Server(net, 'B', Service::HTTP);
    // The head in three segments (Nagle off: each Send is a segment).
    Ptr<Socket> s = Socket::CreateSocket(net.GetNode('A'), TcpSocketFactory::GetTypeId());
    std::string received;
    s->SetRecvCallback(Callback<void, Ptr<Socket>>(
        [&received](Ptr<Socket> s)
        {
            while (Ptr<Packet> p = s->Recv())
            {
                std::string t(p->GetSize(), '\0');
                p->CopyData(reinterpret_cast<uint8_t*>(t.data()), t.size());
                received += t;
            }
        }));
    auto send = [s](std::string t)
    {
        s->Send(Create<Packet>(reinterpret_cast<const uint8_t*>(t.data()), t.size()));
    };
    Simulator::Schedule(Seconds(1),
                        [&]()
                        {
                            s->Bind();
                            s->Connect(InetSocketAddress(net.Addr('B'), 80));
                        });
    Simulator::Schedule(Seconds(2), [send]() { send("GET /16 HT"); });
    Simulator::Schedule(Seconds(3), [send]() { send("TP/1.0\r\n"); });
    Simulator::Schedule(Seconds(4), [send]() { send("\r\n"); });
    net.RunUntil(Seconds(3.5));
    EXPECT_EQ(received, "") << "answered before the head was complete";
    net.RunUntil(Seconds(10));
    EXPECT_EQ(received.substr(received.size() - 16), Pattern(16));
    ASSERT_EQ(serverDone.size(), 0U); // the client has not closed: the server waits in FIN_WAIT_2
}

TEST_F(ServiceApps, BulkClientToADiscardServerOnNativeTcp_EveryByteArrives)
{
    TwoNodeNetwork::Options o;
    o.nativeB = true;
    TwoNodeNetwork net(o);
    Server(net, 'B', Service::DISCARD);
    Client(net, 'A', Service::BULK, true, 500000);
    net.RunUntil(Seconds(30));
    ASSERT_EQ(clientDone.size(), 1U);
    ASSERT_EQ(serverDone.size(), 1U);
    EXPECT_EQ(clientDone[0].sent, 500000U);
    EXPECT_EQ(serverDone[0].received, 500000U);
    EXPECT_EQ(clientDone[0].state, TcpSocket::TIME_WAIT);
    EXPECT_EQ(serverDone[0].state, TcpSocket::CLOSED);
    EXPECT_TRUE(serverDone[0].peerClosedFirst);
}

TEST_F(ServiceApps, ClientToAPortNobodyListensOnFails)
{
    TwoNodeNetwork net;
    Client(net, 'A', Service::ECHO, true, 0, 81);
    net.RunUntil(Seconds(10));
    ASSERT_EQ(clientDone.size(), 1U);
    EXPECT_FALSE(clientDone[0].established);
    EXPECT_TRUE(clientDone[0].failed);
    EXPECT_EQ(clientDone[0].sent, 0U);
}

TEST_F(ServiceApps, ClientOpensItsConnectionsOneAfterAnother)
{
    TwoNodeNetwork net;
    Ptr<LifecycleTcpServiceServer> server = Server(net, 'B', Service::ECHO);
    Ptr<LifecycleTcpServiceClient> client = Client(net, 'A', Service::ECHO);
    client->SetAttribute("Connections", UintegerValue(3));
    net.RunUntil(Seconds(20));
    EXPECT_EQ(client->GetOpened(), 3U);
    EXPECT_EQ(server->GetAccepted(), 3U);
    ASSERT_EQ(clientDone.size(), 3U);
    for (const auto& c : clientDone)
    {
        EXPECT_EQ(c.firstLine, "thank you");
    }
}

// ---------------------------------------------------------------------------
// The environment of an emulation (what can be checked without root)
// ---------------------------------------------------------------------------

TEST(EmulationEnvironment, TapCreatorPathIsReadFromTheTapBridgeLibrary)
{
    std::string path = LifecycleTcpEmulationEnvironment::TapCreatorPath();
    ASSERT_FALSE(path.empty());
    EXPECT_EQ(path[0], '/');
    EXPECT_NE(path.find("tap-bridge/ns3."), std::string::npos) << path;
    EXPECT_EQ(path.substr(path.size() - 12), "-tap-creator") << path;
    std::string installed = LifecycleTcpEmulationEnvironment::InstalledTapCreator();
    EXPECT_EQ(installed, "/usr/libexec/ns3/" + path.substr(path.find_last_of('/') + 1));
}

} // namespace
} // namespace lifecycle_test
} // namespace ns3
