/*
 * tcp-lifecycle runner: one run of a scenario, from options to results.
 */
#include "scenario-run.h"

#include "scenario-emulation.h"
#include "scenario-network.h"
#include "scenario-progress.h"
#include "scenario-results.h"
#include "scenario-workload.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/ipv4-end-point.h"
#include "ns3/lifecycle-tcp-l4-protocol.h"
#include "ns3/lifecycle-tcp-metrics.h"
#include "ns3/lifecycle-tcp-segment-error-model.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

#include <chrono>
#include <set>

namespace tcplc
{

using namespace ns3;

namespace
{

/// The drop rules of one direction on the error models \p models.
void
InstallDrops(const std::vector<DropRule>& rules,
             const std::vector<Ptr<LifecycleTcpSegmentErrorModel>>& models)
{
    for (const DropRule& rule : rules)
    {
        if (rule.kind == "last-ack")
        {
            continue; // armed when the server sends its FIN
        }
        bool ok = false;
        LifecycleTcpSegmentMatch match = LifecycleTcpSegmentMatch::FromName(rule.kind, ok);
        NS_ABORT_MSG_UNLESS(ok, "drop kind " << rule.kind << " was accepted but is unknown");
        for (const auto& model : models)
        {
            model->DropRange(match, rule.first, rule.count);
        }
    }
}

/// last-ack rules: when a server sends a FIN, the pure ACK of it is lost on
/// its way to the server (its first occurrences, as the rule says).
void
ArmLastAckDrops(const std::vector<DropRule>& rules, ScenarioNetwork& net)
{
    std::vector<DropRule> lastAck;
    for (const DropRule& rule : rules)
    {
        if (rule.kind == "last-ack")
        {
            lastAck.push_back(rule);
        }
    }
    if (lastAck.empty())
    {
        return;
    }
    for (uint32_t i = 0; i < net.servers.GetN(); ++i)
    {
        Ptr<LifecycleTcpSegmentErrorModel> model = net.toServer[i];
        auto armed = std::make_shared<std::set<uint32_t>>();
        Ptr<Ipv4L3Protocol> ip = net.servers.Get(i)->GetObject<Ipv4L3Protocol>();
        ip->TraceConnectWithoutContext(
            "SendOutgoing",
            Callback<void, const Ipv4Header&, Ptr<const Packet>, uint32_t>(
                [model, armed, lastAck](const Ipv4Header& h, Ptr<const Packet> p, uint32_t)
                {
                    if (h.GetProtocol() != 6)
                    {
                        return;
                    }
                    TcpHeader tcp;
                    p->PeekHeader(tcp);
                    if (!(tcp.GetFlags() & TcpHeader::FIN))
                    {
                        return;
                    }
                    uint32_t text = p->GetSize() - tcp.GetSerializedSize();
                    uint32_t ack = tcp.GetSequenceNumber().GetValue() + text + 1;
                    if (armed->insert(ack).second)
                    {
                        for (const DropRule& rule : lastAck)
                        {
                            for (uint32_t n = 0; n < rule.count; ++n)
                            {
                                model->DropAcking(ack, rule.first + n);
                            }
                        }
                    }
                }));
    }
}

/// An old duplicate SYN from the client's port (RFC 9293 Figure 8).
void
InjectOldSyn(const ScenarioOptions& o, ScenarioNetwork& net)
{
    Ptr<Node> client = net.clients.Get(0);
    Ipv4Address from = net.clientAddresses[0][0];
    Ipv4Address to = net.serverAddresses[0];
    TcpHeader h;
    h.SetSourcePort(o.clientPort);
    h.SetDestinationPort(o.port);
    h.SetSequenceNumber(SequenceNumber32(100)); // an earlier incarnation's ISS
    h.SetFlags(TcpHeader::SYN);
    h.SetWindowSize(65535);
    Ptr<Packet> p = Create<Packet>();
    if (Node::ChecksumEnabled())
    {
        h.EnableChecksums();
        h.InitializeChecksum(from, to, 6);
    }
    p->AddHeader(h);
    client->GetObject<Ipv4L3Protocol>()->Send(p, from, to, 6, nullptr);
}

/**
 * \brief Reach a native socket's protected endpoint. Taking the member's
 * address through a derived class is the standard way to read a protected
 * member of another object; ns-3 offers no public way to drop a connection
 * silently.
 */
struct NativeEndPoint : TcpSocketBase
{
    /// \return the IPv4 endpoint of \p socket (null when it has none)
    static Ipv4EndPoint* Of(TcpSocketBase& socket)
    {
        return socket.*(&NativeEndPoint::m_endPoint);
    }
};

/**
 * \brief The crash of a node with ns-3's native TCP: every socket vanishes
 * without sending anything. Freeing a socket's endpoint makes ns-3 call its
 * Destroy(), which cancels its timers and removes it from TcpL4Protocol; the
 * collector is told first, since ns-3 fires no State change.
 */
void
CrashNativeTcp(Ptr<Node> node, Ptr<LifecycleTcpMetrics> metrics)
{
    Ptr<TcpL4Protocol> tcp = node->GetObject<TcpL4Protocol>();
    ObjectVectorValue list;
    tcp->GetAttribute("SocketList", list);
    std::vector<Ptr<TcpSocketBase>> sockets; // copied: destroying edits the list
    for (auto it = list.Begin(); it != list.End(); ++it)
    {
        sockets.push_back(DynamicCast<TcpSocketBase>(it->second));
    }
    for (const auto& socket : sockets)
    {
        metrics->Forget(socket);
        if (Ipv4EndPoint* endPoint = NativeEndPoint::Of(*socket))
        {
            tcp->DeAllocate(endPoint);
        }
    }
}

/// The crash of \p node: it stops answering and forgets its connections.
void
Crash(Ptr<Node> node, Workload* workload, Ptr<LifecycleTcpMetrics> metrics)
{
    Ptr<Ipv4> ip = node->GetObject<Ipv4>();
    for (uint32_t i = 1; i < ip->GetNInterfaces(); ++i)
    {
        ip->SetDown(i);
    }
    if (Ptr<LifecycleTcpL4Protocol> tcp = node->GetObject<LifecycleTcpL4Protocol>())
    {
        tcp->Crash();
    }
    else
    {
        CrashNativeTcp(node, metrics);
    }
    workload->NodeState(node, false);
}

/// \p node comes back: its interfaces up, its server application listening again.
void
Reboot(Ptr<Node> node, Workload* workload)
{
    Ptr<Ipv4> ip = node->GetObject<Ipv4>();
    for (uint32_t i = 1; i < ip->GetNInterfaces(); ++i)
    {
        ip->SetUp(i);
    }
    workload->NodeState(node, true);
}

} // namespace

void
ConfigureTcp(const ScenarioOptions& o)
{
    RngSeedManager::SetSeed(o.seed);
    RngSeedManager::SetRun(o.run);
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(o.checksums));
    // The same text per segment on both stacks: this model's SegmentSize is
    // the MSS it offers, ns-3's native one the text, which timestamps shorten.
    uint32_t text = o.segmentSize - (o.timestamps ? 12 : 0);
    Config::SetDefault("ns3::TcpSocket::SegmentSize",
                       UintegerValue(o.stack == "custom" ? o.segmentSize : text));
    Config::SetDefault("ns3::TcpSocket::SndBufSize", UintegerValue(o.sndBuf));
    Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(o.rcvBuf));
    Config::SetDefault("ns3::TcpSocket::InitialCwnd", UintegerValue(o.initialCwnd));
    Config::SetDefault("ns3::TcpSocket::ConnCount", UintegerValue(o.connCount));
    Config::SetDefault("ns3::TcpSocket::DataRetries", UintegerValue(o.dataRetries));
    Config::SetDefault("ns3::TcpSocket::TcpNoDelay", BooleanValue(!o.nagle));
    if (o.stack == "custom")
    {
        Config::SetDefault("ns3::LifecycleTcpSocket::Msl", TimeValue(o.msl));
        Config::SetDefault("ns3::LifecycleTcpSocket::MinRto", TimeValue(o.minRto));
        Config::SetDefault("ns3::LifecycleTcpSocket::SynBacklog", UintegerValue(o.synBacklog));
        Config::SetDefault("ns3::LifecycleTcpSocket::Timestamps", BooleanValue(o.timestamps));
        Config::SetDefault("ns3::LifecycleTcpSocket::WindowScaling", BooleanValue(o.windowScaling));
    }
    else
    {
        Config::SetDefault("ns3::TcpSocketBase::MaxSegLifetime", DoubleValue(o.msl.GetSeconds()));
        Config::SetDefault("ns3::TcpSocketBase::MinRto", TimeValue(o.minRto));
        Config::SetDefault("ns3::TcpSocketBase::Timestamp", BooleanValue(o.timestamps));
        Config::SetDefault("ns3::TcpSocketBase::WindowScaling", BooleanValue(o.windowScaling));
    }
}

int
RunScenario(const ScenarioOptions& o, std::ostream& out, std::ostream& err, bool terminal)
{
    if (o.emulate != "none")
    {
        return RunEmulation(o, out, err, terminal);
    }
    ConfigureTcp(o);
    ResultsFolder results(o);
    Ptr<LifecycleTcpMetrics> metrics = results.Metrics();

    uint64_t perClient = Workload::ConnectionsPerClient(o);
    uint32_t addresses = static_cast<uint32_t>(std::min<uint64_t>(1 + perClient / 15000, 240));
    ScenarioNetwork net = BuildNetwork(o, addresses);

    metrics->InstallAll();
    metrics->SetRunInfo("scenario", o.name);
    metrics->SetRunInfo("stack", o.stack);
    metrics->SetRunInfo("workload", o.workload);
    metrics->SetRunInfo("topology", o.topology);
    metrics->SetRunInfo("seed", std::to_string(o.seed));
    metrics->SetRunInfo("run", std::to_string(o.run));
    if (!o.config.empty())
    {
        metrics->SetRunInfo("config", o.config);
    }

    Workload workload(o, net, metrics);
    workload.Install();

    // Events.
    if (o.downAt.IsStrictlyPositive())
    {
        Ptr<LifecycleImpairedChannel> link = net.link;
        Simulator::Schedule(o.downAt, &LifecycleImpairedChannel::SetDown, link, true);
        Simulator::Schedule(o.downAt + o.downFor, &LifecycleImpairedChannel::SetDown, link, false);
    }
    if (o.crashNode != "none")
    {
        NodeContainer nodes = o.crashNode == "server" ? net.servers : net.clients;
        for (uint32_t i = 0; i < nodes.GetN(); ++i)
        {
            Simulator::Schedule(o.crashAt, &Crash, nodes.Get(i), &workload, metrics);
            if (o.rebootAt.IsStrictlyPositive())
            {
                Simulator::Schedule(o.rebootAt, &Reboot, nodes.Get(i), &workload);
            }
        }
    }
    InstallDrops(o.dropToServer, net.toServer);
    InstallDrops(o.dropToClient, net.toClient);
    ArmLastAckDrops(o.dropToServer, net);
    if (o.oldSynAt.IsStrictlyPositive())
    {
        Simulator::Schedule(o.oldSynAt, [&o, &net]() { InjectOldSyn(o, net); });
    }
    if (o.pcap)
    {
        PointToPointHelper pcap;
        for (uint32_t i = 0; i < net.devices.GetN(); ++i)
        {
            pcap.EnablePcap(results.PcapPath(o.name), net.devices.Get(i), false);
        }
    }

    Progress progress(err,
                      o.progress || terminal,
                      terminal,
                      o.duration,
                      o.duration.IsStrictlyPositive() ? o.duration : o.maxDuration);
    progress.Attach();
    if (o.duration.IsStrictlyPositive())
    {
        Simulator::Stop(o.duration);
    }
    auto begin = std::chrono::steady_clock::now();
    Simulator::Run();
    progress.Finish();
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    Time simulated = Simulator::Now();
    WorkloadCounts counts = workload.Counts();

    std::string error = results.Finish();
    if (!error.empty())
    {
        err << "tcp-lifecycle: the results could not be written to " << o.out << ": " << error
            << "\n";
        return 1;
    }

    out << "tcp-lifecycle: scenario '" << o.name << "' on "
        << (o.stack == "custom" ? "this model (custom)" : "ns-3's native TCP (ns3)") << ", "
        << o.workload << " over " << o.topology << "\n"
        << "  connections: " << counts.started << " opened, " << counts.established
        << " established, " << counts.completed << " completed, " << counts.failed << " failed";
    if (counts.skipped)
    {
        out << ", " << counts.skipped << " not opened (client down)";
    }
    if (counts.synsSent)
    {
        out << "; " << counts.synsSent << " spoofed SYNs sent";
    }
    out << "\n  simulated " << simulated.GetSeconds() << " s in " << wall << " s of wall time"
        << (progress.Capped() ? " (stopped at max-duration)" : "") << "\n"
        << "  results in " << o.out << "/: " << results.FileList() << "\n";
    return 0;
}

} // namespace tcplc
