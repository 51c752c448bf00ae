/*
 * tcp-lifecycle benchmark: the same workload on this model or on ns-3's
 * native TCP, in one process, printing one line of measurements.
 *
 *   churn  N short connections: handshake, 10 kB, close (the client closes
 *          first and holds TIME_WAIT), one every --interval
 *   hold   N connections opened and kept open (memory per open connection)
 *   bulk   one connection moving --bytes (200 MB) at the link rate
 *
 * Two nodes on a 1 Gbps / 5 ms point-to-point link, 1448-byte segments on
 * both stacks, no queue disc (the device's 100-packet queue) unless
 * --qdisc=fqcodel. bench/run runs the comparison; bench/README.md has the
 * figures.
 */
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/tcp-lifecycle-module.h"
#include "ns3/traffic-control-module.h"

#include <chrono>
#include <iostream>
#include <memory>
#include <sys/resource.h>
#include <vector>

using namespace ns3;

namespace
{

/// What the benchmark counts.
struct Counts
{
    uint64_t started{0};     //!< connections the client opened
    uint64_t established{0}; //!< connections the client saw established
    uint64_t completed{0};   //!< connections whose bytes all arrived at the server
    uint64_t received{0};    //!< bytes the server read
};

Counts g_counts;
uint64_t g_bytesPerConnection = 10000;
Ptr<LifecycleTcpMetrics> g_collector; //!< set with --metrics

/// Server side of a connection: read everything; close when the peer does.
void
ServerRead(Ptr<Socket> s)
{
    while (Ptr<Packet> p = s->Recv())
    {
        if (p->GetSize() == 0)
        {
            break;
        }
        g_counts.received += p->GetSize();
    }
}

void
ServerPeerClosed(Ptr<Socket> s)
{
    ServerRead(s);
    ++g_counts.completed;
    s->Close();
}

void
ServerAccept(Ptr<Socket> s, const Address&)
{
    s->SetRecvCallback(MakeCallback(&ServerRead));
    s->SetCloseCallbacks(MakeCallback(&ServerPeerClosed), MakeCallback(&ServerPeerClosed));
}

/// A client connection of the churn and hold workloads.
struct Client
{
    Ptr<Socket> socket;
    bool close{true};

    void Connected(Ptr<Socket> s)
    {
        ++g_counts.established;
        if (g_bytesPerConnection > 0)
        {
            s->Send(Create<Packet>(g_bytesPerConnection));
        }
        if (close)
        {
            s->Close(); // the FIN follows the data
        }
    }
};

std::vector<std::unique_ptr<Client>> g_clients;

void
OpenConnection(Ptr<Node> node, Ipv4Address local, Ipv4Address server, bool close)
{
    auto c = std::make_unique<Client>();
    c->close = close;
    c->socket = Socket::CreateSocket(node, TcpSocketFactory::GetTypeId());
    if (g_collector)
    {
        g_collector->Watch(c->socket); // ns-3's native TCP has no "socket created" trace
    }
    c->socket->Bind(InetSocketAddress(local, 0));
    c->socket->SetConnectCallback(MakeCallback(&Client::Connected, c.get()),
                                  MakeNullCallback<void, Ptr<Socket>>());
    c->socket->Connect(InetSocketAddress(server, 80));
    ++g_counts.started;
    g_clients.push_back(std::move(c));
}

/// Bulk sender: keeps the send buffer full until all bytes are queued.
struct Bulk
{
    Ptr<Socket> socket;
    uint64_t total{0};
    uint64_t queued{0};

    void Fill(Ptr<Socket> s, uint32_t)
    {
        while (queued < total)
        {
            uint32_t chunk = std::min<uint64_t>({s->GetTxAvailable(), total - queued, 65536});
            if (chunk == 0 || s->Send(Create<Packet>(chunk)) <= 0)
            {
                return;
            }
            queued += chunk;
        }
        s->Close();
    }

    void Connected(Ptr<Socket> s)
    {
        ++g_counts.established;
        Fill(s, 0);
    }
};

long
PeakRssKb()
{
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string stack = "custom";
    std::string workload = "churn";
    uint32_t connections = 1000;
    uint64_t bulkBytes = 200000000;
    Time interval = MilliSeconds(1);
    std::string rate = "1Gbps";
    Time delay = MilliSeconds(5);
    uint32_t buffers = 131072;
    std::string qdisc = "none";
    uint32_t addresses = 0;
    std::string metrics;

    CommandLine cmd(__FILE__);
    cmd.AddValue("stack", "custom (this model) or ns3 (native TcpL4Protocol)", stack);
    cmd.AddValue("workload", "churn, hold or bulk", workload);
    cmd.AddValue("connections", "connections for churn and hold", connections);
    cmd.AddValue("bytes", "bytes of each churn connection", g_bytesPerConnection);
    cmd.AddValue("bulk-bytes", "bytes of the bulk transfer", bulkBytes);
    cmd.AddValue("interval", "time between new connections", interval);
    cmd.AddValue("rate", "link rate", rate);
    cmd.AddValue("delay", "one-way delay", delay);
    cmd.AddValue("buffers", "SndBufSize and RcvBufSize", buffers);
    cmd.AddValue("qdisc", "none or fqcodel", qdisc);
    cmd.AddValue("addresses", "client addresses (0: one per 15000 connections)", addresses);
    cmd.AddValue("metrics",
                 "collect per-connection metrics into this folder (LifecycleTcpMetrics); "
                 "empty: no collection",
                 metrics);
    cmd.Parse(argc, argv);
    if ((stack != "custom" && stack != "ns3")
        || (workload != "churn" && workload != "hold" && workload != "bulk")
        || (qdisc != "none" && qdisc != "fqcodel"))
    {
        std::cerr << "lifecycle-bench: --stack custom|ns3, --workload churn|hold|bulk, "
                     "--qdisc none|fqcodel\n";
        return 2;
    }
    if (addresses == 0)
    {
        addresses = connections / 15000 + 1;
    }

    // 1448 bytes of text per segment on both stacks: ns-3's SegmentSize is
    // the text, this model's the MSS it offers (1460, less 12 of timestamps).
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(stack == "ns3" ? 1448 : 1460));
    Config::SetDefault("ns3::TcpSocket::SndBufSize", UintegerValue(buffers));
    Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(buffers));

    NodeContainer nodes(2); // 0: client, 1: server
    PointToPointHelper link;
    link.SetDeviceAttribute("DataRate", StringValue(rate));
    link.SetChannelAttribute("Delay", TimeValue(delay));
    NetDeviceContainer devices = link.Install(nodes);
    if (stack == "custom")
    {
        LifecycleTcpStackHelper lifecycle;
        lifecycle.Install(nodes);
    }
    else
    {
        InternetStackHelper native;
        native.SetIpv6StackInstall(false);
        native.Install(nodes);
    }
    Ipv4AddressHelper ip("10.0.0.0", "255.0.0.0");
    Ipv4InterfaceContainer ifs = ip.Assign(devices);
    if (qdisc == "none")
    {
        TrafficControlHelper().Uninstall(devices);
    }
    std::vector<Ipv4Address> clientAddresses{ifs.GetAddress(0)};
    Ptr<Ipv4> clientIp = nodes.Get(0)->GetObject<Ipv4>();
    for (uint32_t i = 1; i < addresses; ++i)
    {
        Ipv4Address extra(ifs.GetAddress(0).Get() + (i << 8));
        clientIp->AddAddress(clientIp->GetInterfaceForDevice(devices.Get(0)),
                             Ipv4InterfaceAddress(extra, Ipv4Mask("255.0.0.0")));
        clientAddresses.push_back(extra);
    }
    Ipv4Address server = ifs.GetAddress(1);

    Ptr<Socket> listener = Socket::CreateSocket(nodes.Get(1), TcpSocketFactory::GetTypeId());
    listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), 80));
    listener->Listen();
    listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                MakeCallback(&ServerAccept));

    Ptr<LifecycleTcpMetrics> collector;
    if (!metrics.empty())
    {
        collector = LifecycleTcpMetricsHelper().EnableAll(metrics);
        g_collector = collector;
    }

    Bulk bulk;
    Time lastStart = Seconds(1);
    if (workload == "bulk")
    {
        bulk.total = bulkBytes;
        bulk.socket = Socket::CreateSocket(nodes.Get(0), TcpSocketFactory::GetTypeId());
        bulk.socket->SetConnectCallback(MakeCallback(&Bulk::Connected, &bulk),
                                        MakeNullCallback<void, Ptr<Socket>>());
        bulk.socket->SetSendCallback(MakeCallback(&Bulk::Fill, &bulk));
        Simulator::Schedule(Seconds(1),
                            [&]() { bulk.socket->Connect(InetSocketAddress(server, 80)); });
    }
    else
    {
        bool close = workload == "churn";
        for (uint32_t i = 0; i < connections; ++i)
        {
            lastStart = Seconds(1) + interval * i;
            Ipv4Address local = clientAddresses[i % clientAddresses.size()];
            Simulator::Schedule(lastStart, &OpenConnection, nodes.Get(0), local, server, close);
        }
    }
    // Churn: stop once the last connection has had time to finish (its TIME_WAIT
    // is still running, as in a live system); hold: once all are open; bulk:
    // run to the end.
    Simulator::Stop(workload == "bulk" ? Seconds(3600) : lastStart + Seconds(2));

    auto begin = std::chrono::steady_clock::now();
    Simulator::Run();
    if (collector && !collector->Write())
    {
        std::cerr << "lifecycle-bench: metrics could not be written to " << metrics << "\n";
        return 1;
    }
    // Wall time includes writing the metrics files.
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    double simulated = Simulator::Now().GetSeconds();
    uint64_t events = Simulator::GetEventCount();
    long rss = PeakRssKb();

    uint64_t units = workload == "bulk" ? (bulkBytes + 1447) / 1448 : connections;
    std::cout << "stack=" << stack << " workload=" << workload << " connections=" << connections
              << " qdisc=" << qdisc << " metrics=" << (metrics.empty() ? "off" : "on")
              << " started=" << g_counts.started << " established=" << g_counts.established
              << " completed=" << g_counts.completed << " received=" << g_counts.received
              << " wall_s=" << wall << " sim_s=" << simulated << " events=" << events
              << " peak_rss_kb=" << rss << " wall_us_per_"
              << (workload == "bulk" ? "packet" : "connection") << "="
              << (units ? wall * 1e6 / units : 0) << "\n";
    g_collector = nullptr;
    Simulator::Destroy();
    bool ok = workload == "bulk"    ? g_counts.received == bulkBytes
              : workload == "churn" ? g_counts.completed == connections
                                    : g_counts.established == connections;
    return ok ? 0 : 1;
}
