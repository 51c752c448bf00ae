/*
 * tcp-lifecycle runner: an emulation through a tap device.
 */
#include "scenario-emulation.h"

#include "scenario-progress.h"
#include "scenario-results.h"
#include "scenario-run.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/lifecycle-tcp-emulation-helper.h"
#include "ns3/lifecycle-tcp-service-apps.h"
#include "ns3/lifecycle-tcp-stack-helper.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <pthread.h>
#include <sstream>
#include <sys/resource.h>
#include <thread>

namespace tcplc
{

using namespace ns3;

namespace
{

/**
 * \brief Stops the run on SIGINT or SIGTERM. The signals are blocked in
 * every thread -- the TapBridge's reader thread, started during the run,
 * inherits the mask -- and taken by one thread that waits for them and asks
 * the simulator, which is thread-safe in real time, to stop.
 */
class SignalStop
{
  public:
    SignalStop()
    {
        // A shell that starts a program in the background has it ignore
        // SIGINT; an ignored signal is never pending, so take them back.
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        sigemptyset(&m_set);
        sigaddset(&m_set, SIGINT);
        sigaddset(&m_set, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &m_set, nullptr);
        m_thread = std::thread([this]() { Wait(); });
    }

    ~SignalStop()
    {
        m_finished = true;
        m_thread.join();
    }

    SignalStop(const SignalStop&) = delete;
    SignalStop& operator=(const SignalStop&) = delete;

    /// \return the signal that stopped the run (0: none)
    int Signal() const
    {
        return m_signal;
    }

  private:
    void Wait()
    {
        const timespec tick{0, 100000000}; // look at m_finished ten times a second
        while (!m_finished)
        {
            int signal = sigtimedwait(&m_set, nullptr, &tick);
            if (signal > 0)
            {
                m_signal = signal;
                Simulator::ScheduleWithContext(
                    Simulator::NO_CONTEXT, Seconds(0), static_cast<void (*)()>(&Simulator::Stop));
                return;
            }
        }
    }

    sigset_t m_set;
    std::atomic<bool> m_finished{false};
    std::atomic<int> m_signal{0};
    std::thread m_thread;
};

/**
 * \brief How far the simulation falls behind the wall clock. The real-time
 * scheduler runs each event at its time when it can, late when it cannot
 * keep up (best effort); a sample every 10 ms of simulated time measures by
 * how much. A lag that grows means the link is faster than ns-3 can
 * simulate it on this machine.
 */
class LagMeter
{
  public:
    /// \brief Start sampling (just before Simulator::Run).
    void Start()
    {
        // From 10 ms: at time 0 the tap is being created, which takes a moment.
        m_begin = std::chrono::steady_clock::now();
        Simulator::Schedule(MilliSeconds(10), &LagMeter::Sample, this);
    }

    /// \return the largest lag seen
    Time Largest() const
    {
        return m_largest;
    }

  private:
    void Sample()
    {
        auto wall = std::chrono::steady_clock::now() - m_begin;
        Time lag = NanoSeconds(std::chrono::duration_cast<std::chrono::nanoseconds>(wall).count())
                   - Simulator::Now();
        m_largest = Max(m_largest, lag);
        Simulator::Schedule(MilliSeconds(10), &LagMeter::Sample, this);
    }

    std::chrono::steady_clock::time_point m_begin;
    Time m_largest{0};
};

/// \return the CPU time of this process so far, every thread, in seconds
double
CpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

/// What the application on the node counted.
struct Tally
{
    uint64_t established{0}; //!< connections established
    uint64_t completed{0};   //!< ... done without failing
    uint64_t failed{0};      //!< ... refused, reset or timed out
    uint32_t done{0};        //!< connections done, failed ones included
    bool stopping{false};    //!< the stop after the last connection is scheduled
};

/// \return "a.b.c.d:port" of an InetSocketAddress
std::string
Endpoint(const Address& a)
{
    std::ostringstream s;
    InetSocketAddress inet = InetSocketAddress::ConvertFrom(a);
    s << inet.GetIpv4() << ":" << inet.GetPort();
    return s.str();
}

/// The line of one connection in the report.
std::string
Describe(const ScenarioOptions& o, const LifecycleTcpServiceOutcome& c)
{
    std::ostringstream s;
    s << "  connection " << (o.emulate == "server" ? "from " : "to ") << Endpoint(c.peer) << ": ";
    if (!c.established)
    {
        s << "not established (refused or timed out)";
        return s.str();
    }
    s << "received " << c.received << " bytes, sent " << c.sent;
    if (c.httpStatus != 0)
    {
        s << ", HTTP " << c.httpStatus << " for '" << c.firstLine << "'";
    }
    else if (!c.firstLine.empty())
    {
        s << ", line '" << c.firstLine << "'";
    }
    s << ", " << (c.peerClosedFirst ? "the host" : "this end") << " closed first, this end in "
      << TcpSocket::TcpStateName[c.state] << (c.failed ? " (failed: reset)" : "");
    return s.str();
}

/// \return the service as the applications name it
LifecycleTcpServiceConnection::Service
ServiceOf(const std::string& name)
{
    return name == "echo"      ? LifecycleTcpServiceConnection::ECHO
           : name == "discard" ? LifecycleTcpServiceConnection::DISCARD
           : name == "bulk"    ? LifecycleTcpServiceConnection::BULK
                               : LifecycleTcpServiceConnection::HTTP;
}

} // namespace

int
RunEmulation(const ScenarioOptions& o, std::ostream& out, std::ostream& err, bool terminal)
{
    LifecycleTcpEmulationHelper::UseRealtime(); // before anything schedules an event
    ConfigureTcp(o);
    ResultsFolder results(o);
    Ptr<LifecycleTcpMetrics> metrics = results.Metrics();
    bool server = o.emulate == "server";

    // The simulated node, on the far end of the link.
    Ptr<Node> node = CreateObject<Node>();
    if (o.stack == "custom")
    {
        LifecycleTcpStackHelper().Install(node);
    }
    else
    {
        InternetStackHelper stack;
        stack.SetIpv6StackInstall(false);
        stack.Install(node);
    }
    LifecycleImpairedLinkHelper link;
    link.SetDataRate(o.rate);
    link.SetDelay(o.delay);
    // "forward" is towards the server: the node when it serves, else the host.
    link.SetLoss(server ? o.lossForward : o.lossReverse, server ? o.lossReverse : o.lossForward);
    link.SetReordering(o.reorder, o.reorderDelay);
    link.SetDuplication(o.duplicate, o.duplicateDelay);
    LifecycleTcpEmulationHelper emulation;
    emulation.SetDeviceName(o.emulateDevice);
    emulation.SetNetwork(o.emulateNetwork);
    emulation.SetLink(link);
    emulation.SetQueue(o.queue);

    // Say when the host can start.
    std::ostringstream what;
    what << (o.stack == "custom" ? "this model's " : "ns-3's native TCP's ") << o.emulateService
         << (server ? " server" : " client");
    std::ostringstream linkText;
    linkText << o.rate.GetBitRate() / 1e6 << " Mbps, " << o.delay.GetSeconds() * 1e3
             << " ms each way";
    emulation.SetReadyCallback(LifecycleTcpEmulationHelper::ReadyCallback(
        [&out, &o, &what, &linkText, server](const LifecycleTcpEmulation& e)
        {
            out << "tcp-lifecycle: emulation ready: ";
            if (server)
            {
                out << "the host (" << e.host << " on tap " << e.device << ") reaches "
                    << what.str() << " at " << e.node << " port " << o.port;
            }
            else
            {
                out << what.str() << " at " << e.node << " connects to the host's " << e.host << ":"
                    << o.port << " at " << o.start.GetSeconds() << " s";
            }
            out << ", over " << linkText.str() << std::endl;
        }));
    LifecycleTcpEmulation e = emulation.Install(node);
    emulation.AssignStreams(100); // loss draws follow the seed and run only

    metrics->Install(node);
    metrics->SetRunInfo("scenario", o.name);
    metrics->SetRunInfo("stack", o.stack);
    metrics->SetRunInfo("emulate", o.emulate);
    metrics->SetRunInfo("service", o.emulateService);
    std::ostringstream host;
    std::ostringstream simulated;
    host << e.host << (server ? "" : ":" + std::to_string(o.port));
    simulated << e.node << (server ? ":" + std::to_string(o.port) : "");
    metrics->SetRunInfo("host", host.str());
    metrics->SetRunInfo("node", simulated.str());
    metrics->SetRunInfo("device", e.device);
    if (!o.config.empty())
    {
        metrics->SetRunInfo("config", o.config);
    }

    // The application on the node, and the end of the run after its connections.
    Tally tally;
    Time linger = Seconds(1) + o.delay * 2;
    auto onDone = [&](const LifecycleTcpServiceOutcome& c)
    {
        tally.established += c.established ? 1 : 0;
        ++(c.failed ? tally.failed : tally.completed);
        ++tally.done;
        out << Describe(o, c) << std::endl;
        if (o.emulateConnections > 0 && tally.done >= o.emulateConnections && !tally.stopping)
        {
            tally.stopping = true;
            Simulator::Schedule(linger, static_cast<void (*)()>(&Simulator::Stop));
        }
    };
    Ptr<LifecycleTcpServiceServer> serverApp;
    Ptr<LifecycleTcpServiceClient> clientApp;
    if (server)
    {
        serverApp = CreateObject<LifecycleTcpServiceServer>();
        serverApp->SetAttribute("Port", UintegerValue(o.port));
        serverApp->SetAttribute("Service", EnumValue(ServiceOf(o.emulateService)));
        serverApp->SetAttribute("Reply", StringValue(o.echoReply));
        serverApp->SetAttribute("Bytes", UintegerValue(o.bulkBytes));
        serverApp->SetAttribute("CloseFirst", BooleanValue(o.closer == "server"));
        serverApp->TraceConnectWithoutContext(
            "Done", Callback<void, const LifecycleTcpServiceOutcome&>(onDone));
        node->AddApplication(serverApp);
    }
    else
    {
        clientApp = CreateObject<LifecycleTcpServiceClient>();
        clientApp->SetAttribute("Remote", AddressValue(InetSocketAddress(e.host, o.port)));
        clientApp->SetAttribute("LocalPort", UintegerValue(o.clientPort));
        clientApp->SetAttribute("Connections", UintegerValue(o.emulateConnections));
        clientApp->SetAttribute("Service", EnumValue(ServiceOf(o.emulateService)));
        clientApp->SetAttribute("Message", StringValue(o.echoMessage));
        clientApp->SetAttribute("Bytes", UintegerValue(o.bulkBytes));
        clientApp->SetAttribute("CloseFirst", BooleanValue(o.closer == "client"));
        clientApp->SetStartTime(o.start);
        clientApp->TraceConnectWithoutContext(
            "Done", Callback<void, const LifecycleTcpServiceOutcome&>(onDone));
        node->AddApplication(clientApp);
    }

    if (o.downAt.IsStrictlyPositive())
    {
        Simulator::Schedule(o.downAt, &LifecycleImpairedChannel::SetDown, e.link, true);
        Simulator::Schedule(
            o.downAt + o.downFor, &LifecycleImpairedChannel::SetDown, e.link, false);
    }
    if (o.pcap)
    {
        LifecycleTcpEmulationHelper::EnablePcap(results.PcapPath(o.name + "-tap.pcap"), e);
        PointToPointHelper pcap;
        pcap.EnablePcap(results.PcapPath(o.name), e.linkDevices, false);
    }

    Time end = o.duration.IsStrictlyPositive() ? o.duration : o.maxDuration;
    Simulator::Stop(end);
    Progress progress(err, o.progress || terminal, terminal, o.duration, end);
    progress.Attach();
    int signal = 0;
    LagMeter lag;
    double cpuBefore = CpuSeconds();
    auto begin = std::chrono::steady_clock::now();
    {
        SignalStop stop;
        lag.Start();
        Simulator::Run();
        signal = stop.Signal();
    }
    progress.Finish();
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    double cpu = CpuSeconds() - cpuBefore;
    std::ostringstream lagText;
    lagText << lag.Largest().GetSeconds() * 1e3;
    metrics->SetRunInfo("realtime_largest_lag_ms", lagText.str());
    metrics->SetRunInfo("cpu_seconds", std::to_string(cpu));
    metrics->SetRunInfo("wall_seconds", std::to_string(wall));
    Time ran = Simulator::Now();
    uint64_t opened = server ? serverApp->GetAccepted() : clientApp->GetOpened();
    uint64_t established = server ? opened : tally.established;

    std::string error = results.Finish();
    if (!error.empty())
    {
        err << "tcp-lifecycle: the results could not be written to " << o.out << ": " << error
            << "\n";
        return 1;
    }
    std::string why = signal != 0 ? std::string("by ") + (signal == SIGINT ? "SIGINT" : "SIGTERM")
                      : tally.stopping ? std::to_string(tally.done) + " connection(s) done"
                      : o.duration.IsStrictlyPositive() ? "at duration"
                                                        : "at max-duration";
    out << "tcp-lifecycle: emulation '" << o.name << "' on "
        << (o.stack == "custom" ? "this model (custom)" : "ns-3's native TCP (ns3)") << ", "
        << o.emulateService << (server ? " server at " : " client at ") << e.node << ", the host "
        << e.host << " on tap " << e.device << "\n"
        << "  connections: " << opened << " opened, " << established << " established, "
        << tally.completed << " completed, " << tally.failed << " failed\n"
        << "  ran " << ran.GetSeconds() << " s in real time (" << wall << " s of wall time, " << cpu
        << " s of CPU; largest lag behind the wall clock " << lagText.str() << " ms), stopped "
        << why << "\n"
        << "  results in " << o.out << "/: " << results.FileList() << "\n";
    return 0;
}

} // namespace tcplc
