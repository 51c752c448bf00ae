/*
 * tcp-lifecycle: emulation through a tap device.
 */
#include "lifecycle-tcp-emulation-helper.h"

#include "ns3/arp-cache.h"
#include "ns3/boolean.h"
#include "ns3/csma-helper.h"
#include "ns3/global-value.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-interface.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/log.h"
#include "ns3/queue-size.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tap-bridge-helper.h"
#include "ns3/traffic-control-helper.h"
#include "ns3/uinteger.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <net/route.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LifecycleTcpEmulationHelper");

namespace
{
/// The host's side of the tap: fast enough never to be the bottleneck.
const char* const SEGMENT_RATE = "10Gbps";
/// Packets the router holds while it asks (ARP) for the host's MAC.
constexpr uint32_t ARP_PENDING = 128;

/// Put IPv4 address \p a into \p sa.
void
SetAddress(sockaddr* sa, uint32_t a)
{
    sockaddr_in in{};
    in.sin_family = AF_INET;
    in.sin_addr.s_addr = htonl(a);
    std::memcpy(sa, &in, sizeof(in));
}

/**
 * \brief Add, in this process's network namespace, the route to \p network/24
 * via \p gateway on \p device (the legacy routing ioctl: no iproute2 needed).
 * \return an empty string, or why it failed
 */
std::string
AddHostRoute(const std::string& device, Ipv4Address network, Ipv4Address gateway)
{
    rtentry route{};
    SetAddress(&route.rt_dst, network.Get());
    SetAddress(&route.rt_genmask, 0xffffff00);
    SetAddress(&route.rt_gateway, gateway.Get());
    route.rt_flags = RTF_UP | RTF_GATEWAY;
    std::string name = device;
    route.rt_dev = name.data();
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0)
    {
        return std::strerror(errno);
    }
    int status = ioctl(fd, SIOCADDRT, &route);
    int error = errno;
    close(fd);
    return status == 0 ? "" : std::strerror(error);
}

/// \return \p a advanced by \p n addresses
Ipv4Address
Plus(Ipv4Address a, uint32_t n)
{
    return Ipv4Address(a.Get() + n);
}
} // namespace

LifecycleTcpEmulationHelper::LifecycleTcpEmulationHelper()
{
    if (const char* file = std::getenv("TCPLC_READY_FILE"))
    {
        m_readyFile = file;
    }
}

void
LifecycleTcpEmulationHelper::UseRealtime()
{
    GlobalValue::Bind("SimulatorImplementationType", StringValue("ns3::RealtimeSimulatorImpl"));
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
}

void
LifecycleTcpEmulationHelper::SetDeviceName(const std::string& name)
{
    m_device = name;
}

void
LifecycleTcpEmulationHelper::SetNetwork(Ipv4Address network)
{
    m_network = network;
}

void
LifecycleTcpEmulationHelper::SetLink(const LifecycleImpairedLinkHelper& link)
{
    m_link = link;
}

void
LifecycleTcpEmulationHelper::SetQueue(uint32_t packets)
{
    m_queue = packets;
}

void
LifecycleTcpEmulationHelper::SetReadyFile(const std::string& path)
{
    m_readyFile = path;
}

void
LifecycleTcpEmulationHelper::SetReadyCallback(ReadyCallback ready)
{
    m_ready = ready;
}

LifecycleTcpEmulation
LifecycleTcpEmulationHelper::Install(Ptr<Node> node)
{
    NS_ABORT_MSG_UNLESS(node->GetObject<Ipv4>(),
                        "LifecycleTcpEmulationHelper: install an IPv4 stack on the node first");
    LifecycleTcpEmulation e;
    e.device = m_device;
    e.network = m_network;
    e.host = Plus(m_network, 1);
    e.routerHostSide = Plus(m_network, 2);
    e.routerLinkSide = Plus(m_network, 256 + 1);
    e.node = Plus(m_network, 256 + 2);
    e.ghost = CreateObject<Node>();
    e.router = CreateObject<Node>();
    InternetStackHelper stack; // neither of them runs TCP
    stack.SetIpv6StackInstall(false);
    stack.Install(NodeContainer(e.ghost, e.router));

    // The host's side: a CSMA segment, the ghost's device bridged to the tap.
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue(SEGMENT_RATE));
    csma.SetChannelAttribute("Delay", TimeValue(Seconds(0)));
    NetDeviceContainer lan = csma.Install(NodeContainer(e.ghost, e.router));
    e.tapSide = lan.Get(0);

    // The simulated link; its buffers are pfifo_fast queue discs over a
    // one-packet device queue, so drops happen where traces see them.
    m_link.SetQueueSize(1);
    e.linkDevices = m_link.Install(e.router, node);
    e.link = DynamicCast<LifecycleImpairedChannel>(e.linkDevices.Get(0)->GetChannel());
    TrafficControlHelper fifo;
    fifo.SetRootQueueDisc("ns3::PfifoFastQueueDisc",
                          "MaxSize",
                          QueueSizeValue(QueueSize(QueueSizeUnit::PACKETS, m_queue)));
    fifo.Install(e.linkDevices);
    fifo.Install(lan.Get(1));

    Ipv4AddressHelper addresses;
    addresses.SetBase(m_network, "255.255.255.0");
    addresses.Assign(lan); // ghost .1 (the host's address), router .2
    addresses.SetBase(Plus(m_network, 256), "255.255.255.0");
    addresses.Assign(e.linkDevices); // router .1, node .2

    // The node reaches the host, and anything else, through the router.
    Ptr<Ipv4> ip = node->GetObject<Ipv4>();
    Ipv4StaticRoutingHelper routing;
    routing.GetStaticRouting(ip)->SetDefaultRoute(e.routerLinkSide,
                                                  ip->GetInterfaceForDevice(e.linkDevices.Get(1)));

    // The router holds what it sends towards the host while it asks for the
    // host's MAC, and asks rarely.
    Ptr<Ipv4L3Protocol> routerIp = e.router->GetObject<Ipv4L3Protocol>();
    Ptr<ArpCache> arp =
        routerIp->GetInterface(routerIp->GetInterfaceForDevice(lan.Get(1)))->GetArpCache();
    arp->SetAttribute("PendingQueueSize", UintegerValue(ARP_PENDING));
    arp->SetAliveTimeout(Hours(24));

    // The tap: ns-3 creates it with the ghost device's address and MAC.
    TapBridgeHelper tap;
    tap.SetAttribute("Mode", StringValue("ConfigureLocal"));
    tap.SetAttribute("DeviceName", StringValue(m_device));
    tap.Install(e.ghost, e.tapSide);
    // Same time as the TapBridge's start, scheduled after it: the tap exists then.
    Simulator::Schedule(Seconds(0), &LifecycleTcpEmulationHelper::Ready, e, m_readyFile, m_ready);
    NS_LOG_INFO("emulation: host " << e.host << " on " << m_device << ", node " << e.node);
    return e;
}

int64_t
LifecycleTcpEmulationHelper::AssignStreams(int64_t stream)
{
    return m_link.AssignStreams(stream);
}

void
LifecycleTcpEmulationHelper::EnablePcap(const std::string& file,
                                        const LifecycleTcpEmulation& emulation)
{
    CsmaHelper csma;
    csma.EnablePcap(file, emulation.tapSide, true, true);
}

void
LifecycleTcpEmulationHelper::Ready(LifecycleTcpEmulation e, std::string file, ReadyCallback ready)
{
    std::string error = AddHostRoute(e.device, Plus(e.network, 256), e.routerHostSide);
    NS_ABORT_MSG_UNLESS(error.empty(),
                        "LifecycleTcpEmulationHelper: cannot add the route to "
                            << Plus(e.network, 256) << "/24 via " << e.routerHostSide << " on "
                            << e.device << ": " << error);
    if (!file.empty())
    {
        std::string tmp = file + ".tmp";
        {
            std::ofstream f(tmp);
            f << "device=" << e.device << "\nhost=" << e.host << "\nrouter=" << e.routerHostSide
              << "\nnode=" << e.node << "\nnetwork=" << e.network << "/23\n";
        }
        NS_ABORT_MSG_UNLESS(std::rename(tmp.c_str(), file.c_str()) == 0,
                            "LifecycleTcpEmulationHelper: cannot write the ready file " << file);
    }
    if (!ready.IsNull())
    {
        ready(e);
    }
}

} // namespace ns3
