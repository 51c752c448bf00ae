/*
 * emulated-client: this model's client talks to a server on a real host
 * through a tap.
 *
 *   host: Linux TCP        ns-3, in real time
 *   10.77.0.1 ==tap tlc0== router ==simulated link== client 10.77.1.2 (this model)
 *
 * At --start the simulated client connects to the host's server
 * (10.77.0.1:--port) and runs --service: echo (sends a line, reads the
 * answer, closes), bulk (sends --bytes of the stream pattern, then closes:
 * compare its hash with python3 examples/host/pattern.py <bytes> | sha256sum)
 * or discard (reads until the server closes). For echo it prints the
 * conversation as a sequence diagram. It stops when the connection is done,
 * or after --duration.
 *
 * The host's server must listen first; scripts/netns-run starts it before
 * the emulation and waits until it listens:
 *
 *   sudo scripts/netns-run \
 *       --host-server 'python3 examples/host/echo-server.py 9000' \
 *       -- build/bin/emulated-client --service=echo --port=9000
 *
 *   sudo scripts/netns-run \
 *       --host-server 'python3 examples/host/sink-server.py 9000' \
 *       -- build/bin/emulated-client --service=bulk --bytes=10000000 --port=9000
 *
 * (nc works as well: --host-server 'nc -l -p 9000 >/dev/null' with netcat-openbsd.)
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
    uint16_t port = 9000;
    std::string message = "hello";
    uint64_t bytes = 1000000;
    std::string rate = "10Mbps";
    Time delay = MilliSeconds(5);
    double loss = 0;
    Time start = Seconds(1);
    Time duration = Seconds(60);
    std::string device = "tlc0";
    bool diagram = true;

    CommandLine cmd(__FILE__);
    cmd.AddValue("service", "echo, bulk or discard", service);
    cmd.AddValue("port", "the port of the host's server", port);
    cmd.AddValue("message", "echo: the line sent", message);
    cmd.AddValue("bytes", "bulk: bytes sent", bytes);
    cmd.AddValue("rate", "rate of the simulated link", rate);
    cmd.AddValue("delay", "one-way delay of the simulated link", delay);
    cmd.AddValue("loss", "probability that a packet is lost, each way", loss);
    cmd.AddValue("start", "when the client connects", start);
    cmd.AddValue("duration", "stop after this long at the latest", duration);
    cmd.AddValue("device", "name of the tap device", device);
    cmd.AddValue("diagram", "echo: print the sequence diagram", diagram);
    cmd.Parse(argc, argv);

    LifecycleTcpServiceConnection::Service kind;
    if (service == "echo" || service == "discard" || service == "bulk")
    {
        kind = service == "echo"      ? LifecycleTcpServiceConnection::ECHO
               : service == "discard" ? LifecycleTcpServiceConnection::DISCARD
                                      : LifecycleTcpServiceConnection::BULK;
    }
    else
    {
        std::cerr << "emulated-client: --service must be echo, bulk or discard, not '" << service
                  << "'\n";
        return 2;
    }

    // Before ns-3 is touched: is everything there, and are we in a namespace?
    std::string problem =
        LifecycleTcpEmulationEnvironment::Check(device, "build/bin/emulated-client");
    if (!problem.empty())
    {
        std::cerr << "emulated-client: " << problem << "\n";
        return 3;
    }
    LifecycleTcpEmulationHelper::UseRealtime(); // real time, checksums on
    // An MSS of 1460, as on Ethernet (ns-3's default offers 536).
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1460));

    Ptr<Node> client = CreateObject<Node>();
    LifecycleTcpStackHelper().Install(client);
    LifecycleImpairedLinkHelper link;
    link.SetDataRate(DataRate(rate));
    link.SetDelay(delay);
    link.SetLoss(loss, loss);
    LifecycleTcpEmulationHelper emulation;
    emulation.SetDeviceName(device);
    emulation.SetLink(link);
    LifecycleTcpEmulation e = emulation.Install(client);

    Ptr<LifecycleTcpServiceClient> app = CreateObject<LifecycleTcpServiceClient>();
    app->SetAttribute("Remote", AddressValue(InetSocketAddress(e.host, port)));
    app->SetAttribute("Service", EnumValue(kind));
    app->SetAttribute("Message", StringValue(message));
    app->SetAttribute("Bytes", UintegerValue(bytes));
    app->SetStartTime(start);
    client->AddApplication(app);

    std::cout << "The simulated " << service << " client (" << e.node
              << ", this model) connects to " << e.host << ":" << port << " on the host (tap "
              << device << ") over " << rate << ", " << delay.As(Time::MS) << " each way"
              << (loss > 0 ? ", " + std::to_string(loss) + " loss" : "") << ".\n\n";

    LifecycleTcpDiagram sequence(std::cout);
    if (diagram && kind == LifecycleTcpServiceConnection::ECHO)
    {
        sequence.AddNode(client, "client (this model)");
        sequence.AddRemote(client, "host (Linux TCP)");
    }

    app->TraceConnectWithoutContext(
        "Done",
        Callback<void, const LifecycleTcpServiceOutcome&>(
            [&](const LifecycleTcpServiceOutcome& o)
            {
                std::cout << "\nconnection to " << e.host << ":" << port << ": "
                          << (o.established ? "" : "not established, ") << "sent " << o.sent
                          << " bytes, received " << o.received
                          << (o.firstLine.empty() ? "" : ", answer '" + o.firstLine + "'") << ", "
                          << (o.peerClosedFirst ? "the host" : "the client")
                          << " closed first, the client ended in "
                          << TcpSocket::TcpStateName[o.state] << (o.failed ? " (failed)" : "")
                          << "\n";
                Simulator::Schedule(Seconds(1) + delay * 2, &Simulator::Stop);
            }));
    Simulator::Stop(duration);
    Simulator::Run();
    std::cout << "\nstopped after " << Simulator::Now().GetSeconds() << " s.\n";
    Simulator::Destroy();
    return 0;
}
