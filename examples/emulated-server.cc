/*
 * emulated-server: a real host's TCP talks to this model through a tap.
 *
 *   host: Linux TCP        ns-3, in real time
 *   10.77.0.1 ==tap tlc0== router ==simulated link== server 10.77.1.2 (this model)
 *
 * The simulated server listens on --port and serves each connection with
 * --service: echo (the host's client sends a line and gets "thank you"
 * back, as in the classic socket tutorial), discard, bulk (sends --bytes,
 * then closes) or http (a minimal HTTP/1.0 server: curl
 * http://10.77.1.2:<port>/10MB fetches 10 MB). For echo it prints the
 * conversation as a sequence diagram: the host's segments as they reach
 * the server, the server's segments and its state changes. It stops once
 * --connections connections are done, or after --duration.
 *
 * It creates a tap device, so it runs as root, inside a network namespace:
 *
 *   sudo scripts/netns-run \
 *       --host-client 'python3 examples/host/echo-client.py 10.77.1.2 7' \
 *       -- build/bin/emulated-server --service=echo --port=7
 *
 *   sudo scripts/netns-run \
 *       --host-client 'curl -s -o /dev/null -w "%{size_download} bytes\n" http://10.77.1.2/1MB' \
 *       -- build/bin/emulated-server --service=http --port=80 --rate=50Mbps
 */
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/tcp-lifecycle-module.h"

#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    std::string service = "echo";
    uint16_t port = 7;
    uint64_t bytes = 1000000;
    std::string rate = "10Mbps";
    Time delay = MilliSeconds(5);
    double loss = 0;
    uint32_t connections = 1;
    Time duration = Seconds(60);
    std::string device = "tlc0";
    bool diagram = true;

    CommandLine cmd(__FILE__);
    cmd.AddValue("service", "echo, discard, bulk or http", service);
    cmd.AddValue("port", "the port the server listens on", port);
    cmd.AddValue("bytes", "bulk: bytes sent on each connection", bytes);
    cmd.AddValue("rate", "rate of the simulated link", rate);
    cmd.AddValue("delay", "one-way delay of the simulated link", delay);
    cmd.AddValue("loss", "probability that a packet is lost, each way", loss);
    cmd.AddValue("connections", "stop once this many connections are done", connections);
    cmd.AddValue("duration", "stop after this long at the latest", duration);
    cmd.AddValue("device", "name of the tap device", device);
    cmd.AddValue("diagram", "echo: print the sequence diagram", diagram);
    cmd.Parse(argc, argv);

    LifecycleTcpServiceConnection::Service kind;
    if (service == "echo" || service == "discard" || service == "bulk" || service == "http")
    {
        kind = service == "echo"      ? LifecycleTcpServiceConnection::ECHO
               : service == "discard" ? LifecycleTcpServiceConnection::DISCARD
               : service == "bulk"    ? LifecycleTcpServiceConnection::BULK
                                      : LifecycleTcpServiceConnection::HTTP;
    }
    else
    {
        std::cerr << "emulated-server: --service must be echo, discard, bulk or http, not '"
                  << service << "'\n";
        return 2;
    }

    // Before ns-3 is touched: is everything there, and are we in a namespace?
    std::string problem =
        LifecycleTcpEmulationEnvironment::Check(device, "build/bin/emulated-server");
    if (!problem.empty())
    {
        std::cerr << "emulated-server: " << problem << "\n";
        return 3;
    }
    LifecycleTcpEmulationHelper::UseRealtime(); // real time, checksums on
    // An MSS of 1460, as on Ethernet (ns-3's default offers 536).
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1460));

    Ptr<Node> server = CreateObject<Node>();
    LifecycleTcpStackHelper().Install(server);
    LifecycleImpairedLinkHelper link;
    link.SetDataRate(DataRate(rate));
    link.SetDelay(delay);
    link.SetLoss(loss, loss);
    LifecycleTcpEmulationHelper emulation;
    emulation.SetDeviceName(device);
    emulation.SetLink(link);
    LifecycleTcpEmulation e = emulation.Install(server);

    Ptr<LifecycleTcpServiceServer> app = CreateObject<LifecycleTcpServiceServer>();
    app->SetAttribute("Service", EnumValue(kind));
    app->SetAttribute("Port", UintegerValue(port));
    app->SetAttribute("Bytes", UintegerValue(bytes));
    server->AddApplication(app);

    std::cout << "The host (" << e.host << ", tap " << device << ") reaches the simulated "
              << service << " server at " << e.node << " port " << port << " over " << rate << ", "
              << delay.As(Time::MS) << " each way"
              << (loss > 0 ? ", " + std::to_string(loss) + " loss" : "") << ".\n\n";

    LifecycleTcpDiagram sequence(std::cout);
    if (diagram && kind == LifecycleTcpServiceConnection::ECHO)
    {
        sequence.AddRemote(server, "host (Linux TCP)");
        sequence.AddNode(server, "server (this model)");
    }

    // Each connection's outcome; the run ends a moment after the last one
    // (its last segments still have to reach the host).
    uint32_t done = 0;
    app->TraceConnectWithoutContext(
        "Done",
        Callback<void, const LifecycleTcpServiceOutcome&>(
            [&](const LifecycleTcpServiceOutcome& o)
            {
                std::cout << "\nconnection from "
                          << InetSocketAddress::ConvertFrom(o.peer).GetIpv4() << ":"
                          << InetSocketAddress::ConvertFrom(o.peer).GetPort() << ": received "
                          << o.received << " bytes, sent " << o.sent
                          << (o.firstLine.empty() ? "" : ", first line '" + o.firstLine + "'")
                          << ", " << (o.peerClosedFirst ? "the host" : "the server")
                          << " closed first, the server ended in "
                          << TcpSocket::TcpStateName[o.state] << (o.failed ? " (failed)" : "")
                          << "\n";
                if (++done == connections)
                {
                    Simulator::Schedule(Seconds(1) + delay * 2, &Simulator::Stop);
                }
            }));
    Simulator::Stop(duration);
    Simulator::Run();
    std::cout << "\n"
              << done << " connection(s) done after " << Simulator::Now().GetSeconds() << " s.\n";
    Simulator::Destroy();
    return 0;
}
