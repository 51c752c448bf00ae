/*
 * four-way-close: the whole life of one TCP connection, drawn as a textbook
 * draws it (RFC 9293 Figures 6, 12 and 13).
 *
 *   client (10.0.0.1) ------ point-to-point link ------ server (10.0.0.2)
 *
 * The client opens a connection (three-way handshake), sends some bytes and
 * the connection is closed with the four-way close. Every segment (time,
 * direction, flags, seq, ack, window) and every state change on both sides is
 * printed as it happens.
 *
 * Try:
 *   four-way-close                      the client closes first (Figure 12)
 *   four-way-close --closer=server      the server closes first
 *   four-way-close --closer=both        both close at once: CLOSING (Figure 13)
 *   four-way-close --msl=30s            TIME_WAIT as long as Linux's (60 s)
 *   four-way-close --absolute           absolute instead of relative seq numbers
 */
#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/tcp-lifecycle-module.h"

#include <iostream>

using namespace ns3;

namespace
{

/// What the two applications do, and when.
struct Demo
{
    uint32_t bytes{1000};         //!< bytes the client sends
    std::string closer{"client"}; //!< who calls Close() first
    Ptr<Socket> client;           //!< client socket
    Ptr<Socket> server;           //!< the server's connected socket
    uint32_t received{0};         //!< bytes the server read
};

Demo g_demo;

/// Server: read what arrives.
void
ServerRead(Ptr<Socket> socket)
{
    while (Ptr<Packet> p = socket->Recv())
    {
        g_demo.received += p->GetSize();
    }
    if (g_demo.received == g_demo.bytes && g_demo.closer == "both")
    {
        // Both sides close at the same instant: the FINs cross (Figure 13).
        Simulator::ScheduleNow(&Socket::Close, g_demo.server);
        Simulator::ScheduleNow(&Socket::Close, g_demo.client);
    }
    else if (g_demo.received == g_demo.bytes && g_demo.closer == "server")
    {
        Simulator::Schedule(MilliSeconds(50), &Socket::Close, g_demo.server);
    }
}

/// Server: the peer closed its side; close ours a little later (Figure 12, line 4).
void
ServerPeerClosed(Ptr<Socket> socket)
{
    if (g_demo.closer == "client")
    {
        Simulator::Schedule(MilliSeconds(50), &Socket::Close, socket);
    }
}

/// Server: a connection was accepted.
void
ServerAccept(Ptr<Socket> socket, const Address& from)
{
    g_demo.server = socket;
    socket->SetRecvCallback(MakeCallback(&ServerRead));
    socket->SetCloseCallbacks(MakeCallback(&ServerPeerClosed),
                              MakeNullCallback<void, Ptr<Socket>>());
}

/// Client: connected; send the bytes, then close if the client closes first.
void
ClientConnected(Ptr<Socket> socket)
{
    socket->Send(Create<Packet>(g_demo.bytes));
    if (g_demo.closer == "client")
    {
        Simulator::Schedule(MilliSeconds(50), &Socket::Close, socket);
    }
}

/// Client: the server closed first; close our side too.
void
ClientPeerClosed(Ptr<Socket> socket)
{
    if (g_demo.closer == "server")
    {
        Simulator::Schedule(MilliSeconds(50), &Socket::Close, socket);
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string rate = "10Mbps";
    Time delay = MilliSeconds(10);
    Time msl = Seconds(120);
    bool absolute = false;
    std::string metrics;

    CommandLine cmd(__FILE__);
    cmd.AddValue("rate", "link rate", rate);
    cmd.AddValue("delay", "one-way propagation delay", delay);
    cmd.AddValue("bytes", "bytes the client sends before the close", g_demo.bytes);
    cmd.AddValue("closer", "who closes first: client, server, or both", g_demo.closer);
    cmd.AddValue("msl", "Maximum Segment Lifetime; TIME_WAIT lasts 2*MSL", msl);
    cmd.AddValue("absolute", "print absolute sequence numbers", absolute);
    cmd.AddValue("metrics", "also write the metrics files into this folder", metrics);
    cmd.Parse(argc, argv);
    if (g_demo.closer != "client" && g_demo.closer != "server" && g_demo.closer != "both")
    {
        std::cerr << "four-way-close: --closer must be client, server or both, not '"
                  << g_demo.closer << "'\n";
        return 2;
    }

    Config::SetDefault("ns3::LifecycleTcpSocket::Msl", TimeValue(msl));
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1460)); // Ethernet MSS

    NodeContainer nodes(2);
    PointToPointHelper link;
    link.SetDeviceAttribute("DataRate", StringValue(rate));
    link.SetChannelAttribute("Delay", TimeValue(delay));
    NetDeviceContainer devices = link.Install(nodes);
    LifecycleTcpStackHelper stack;
    stack.Install(nodes);
    Ipv4AddressHelper addresses("10.0.0.0", "255.255.255.252");
    Ipv4InterfaceContainer interfaces = addresses.Assign(devices);

    std::cout << "The life of a TCP connection: client " << interfaces.GetAddress(0) << ", server "
              << interfaces.GetAddress(1) << ":80, " << rate << ", one-way delay "
              << delay.As(Time::MS) << ", " << g_demo.bytes << " bytes, " << g_demo.closer
              << (g_demo.closer == "both" ? " close at once" : " closes first")
              << ", TIME_WAIT = 2*MSL = " << (2 * msl).As(Time::S) << "\n\n";

    LifecycleTcpDiagram diagram(std::cout);
    diagram.SetRelativeSequenceNumbers(!absolute);
    diagram.AddNode(nodes.Get(0), "client");
    diagram.AddNode(nodes.Get(1), "server");

    Ptr<Socket> listener = Socket::CreateSocket(nodes.Get(1), TcpSocketFactory::GetTypeId());
    listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), 80));
    listener->Listen();
    listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                MakeCallback(&ServerAccept));

    g_demo.client = Socket::CreateSocket(nodes.Get(0), TcpSocketFactory::GetTypeId());
    g_demo.client->SetConnectCallback(MakeCallback(&ClientConnected),
                                      MakeNullCallback<void, Ptr<Socket>>());
    g_demo.client->SetCloseCallbacks(MakeCallback(&ClientPeerClosed),
                                     MakeNullCallback<void, Ptr<Socket>>());
    Simulator::Schedule(
        Seconds(1),
        [&]() { g_demo.client->Connect(InetSocketAddress(interfaces.GetAddress(1), 80)); });
    if (!metrics.empty())
    {
        // connections.csv, transitions.csv, retransmissions.csv, summary.json
        LifecycleTcpMetricsHelper().EnableAll(metrics);
    }

    Simulator::Run();
    std::cout << "\nThe server read " << g_demo.received << " of " << g_demo.bytes
              << " bytes. The simulation ended at " << Simulator::Now().As(Time::S)
              << ", when the last TIME_WAIT expired.\n";
    Simulator::Destroy(); // writes the metrics files
    if (!metrics.empty())
    {
        std::cout << "Metrics in " << metrics << "/\n";
    }
    return 0;
}
