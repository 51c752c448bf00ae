/*
 * three-way-handshake: how a TCP connection is opened (RFC 9293 3.5).
 *
 *   client (10.0.0.1) ------ point-to-point link ------ server (10.0.0.2)
 *
 * The client connects to the server's port 80 and, once ESTABLISHED, sends a
 * short request. Every segment (time, direction, flags, seq, ack, window,
 * options) and every state change on both sides is printed as it happens,
 * followed by how long the handshake took.
 *
 * Try:
 *   three-way-handshake                    the basic handshake (Figure 6)
 *   three-way-handshake --lose=syn         the SYN is lost: sent again after ConnTimeout
 *   three-way-handshake --lose=synack      the SYN,ACK is lost: both sides retry
 *   three-way-handshake --lose=ack         the third segment is lost: the request repairs it
 *   three-way-handshake --simultaneous     both open at once (Figure 7)
 *   three-way-handshake --closed-port      nobody listens: the SYN is answered with RST
 */
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/tcp-lifecycle-module.h"

#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    std::string rate = "10Mbps";
    Time delay = MilliSeconds(10);
    std::string lose;
    bool simultaneous = false;
    bool closedPort = false;
    bool absolute = false;

    CommandLine cmd(__FILE__);
    cmd.AddValue("rate", "link rate", rate);
    cmd.AddValue("delay", "one-way propagation delay", delay);
    cmd.AddValue("lose", "lose the first segment of this kind: syn, synack or ack", lose);
    cmd.AddValue("simultaneous", "both sides open at the same time (Figure 7)", simultaneous);
    cmd.AddValue("closed-port", "connect to a port where nobody listens", closedPort);
    cmd.AddValue("absolute", "print absolute sequence numbers", absolute);
    cmd.Parse(argc, argv);

    bool known = true;
    LifecycleTcpSegmentMatch match = LifecycleTcpSegmentMatch::FromName(lose, known);
    if (!lose.empty() && (!known || (lose != "syn" && lose != "synack" && lose != "ack")))
    {
        std::cerr << "three-way-handshake: --lose must be syn, synack or ack, not '" << lose
                  << "'\n";
        return 2;
    }

    NodeContainer nodes(2); // 0: client, 1: server
    PointToPointHelper link;
    link.SetDeviceAttribute("DataRate", StringValue(rate));
    link.SetChannelAttribute("Delay", TimeValue(delay));
    NetDeviceContainer devices = link.Install(nodes);
    LifecycleTcpStackHelper stack;
    stack.Install(nodes);
    Ipv4AddressHelper addresses("10.0.0.0", "255.255.255.252");
    Ipv4InterfaceContainer interfaces = addresses.Assign(devices);

    if (!lose.empty())
    {
        // The SYN and the last ACK travel to the server, the SYN,ACK to the client.
        Ptr<LifecycleTcpSegmentErrorModel> drop = CreateObject<LifecycleTcpSegmentErrorModel>();
        drop->Drop(match, 1);
        devices.Get(lose == "synack" ? 0 : 1)
            ->SetAttribute("ReceiveErrorModel", PointerValue(drop));
    }

    std::cout << "Opening a TCP connection: client " << interfaces.GetAddress(0) << ", server "
              << interfaces.GetAddress(1) << ", " << rate << ", one-way delay "
              << delay.As(Time::MS) << (lose.empty() ? "" : ", losing the first " + lose) << "\n\n";
    LifecycleTcpDiagram diagram(std::cout);
    diagram.SetRelativeSequenceNumbers(!absolute);
    diagram.AddNode(nodes.Get(0), "client");
    diagram.AddNode(nodes.Get(1), "server");

    Time firstSyn;
    Time established;
    Ptr<Socket> client = Socket::CreateSocket(nodes.Get(0), TcpSocketFactory::GetTypeId());
    client->SetConnectCallback(
        Callback<void, Ptr<Socket>>(
            [&](Ptr<Socket> s)
            {
                established = Simulator::Now();
                s->Send(Create<Packet>(100)); // a short request
            }),
        Callback<void, Ptr<Socket>>([](Ptr<Socket>)
                                    { std::cout << "\nThe connection was refused.\n"; }));

    Ptr<Socket> server = Socket::CreateSocket(nodes.Get(1), TcpSocketFactory::GetTypeId());
    if (simultaneous)
    {
        // Figure 7: each side connects to the other's port; neither listens.
        client->Bind(InetSocketAddress(Ipv4Address::GetAny(), 1000));
        server->Bind(InetSocketAddress(Ipv4Address::GetAny(), 80));
        Simulator::Schedule(
            Seconds(1),
            [&]() { server->Connect(InetSocketAddress(interfaces.GetAddress(0), 1000)); });
    }
    else if (!closedPort)
    {
        server->Bind(InetSocketAddress(Ipv4Address::GetAny(), 80));
        server->Listen();
    }
    Simulator::Schedule(Seconds(1),
                        [&]()
                        {
                            firstSyn = Simulator::Now();
                            client->Connect(InetSocketAddress(interfaces.GetAddress(1), 80));
                        });

    Simulator::Stop(Seconds(30));
    Simulator::Run();
    if (!established.IsZero())
    {
        Time took = established - firstSyn;
        bool waited = took > 4 * delay; // more than a round trip and transmission times
        std::cout << "\nThe client was ESTABLISHED " << took.As(Time::MS)
                  << " after its first SYN: one round trip of " << (2 * delay).As(Time::MS)
                  << " plus transmission times"
                  << (waited ? ", plus the wait for a retransmission" : "") << ".\n";
    }
    Simulator::Destroy();
    return 0;
}
