/*
 * tcp-lifecycle: emulation -- a simulated node running this TCP, reached by
 * a real host's kernel TCP through a tap device (ns-3's TapBridge).
 *
 *   real host (Linux TCP)          |  ns-3, in real time, checksums on
 *                                  |
 *   tap tlc0      <== TapBridge ==>  ghost --CSMA-- router ==link== node
 *   10.77.0.1/24                     (10.77.0.1)    .0.2  .1.1     10.77.1.2
 *
 *   host route: 10.77.1.0/24 via 10.77.0.2 dev tlc0
 *
 * The TapBridge runs in ConfigureLocal mode: ns-3 creates the tap itself
 * (through its tap-creator helper), gives it the address and MAC of the
 * ghost node's CSMA device, and brings it up; the tap exists as long as the
 * program runs and vanishes with it. The other modes (UseLocal, UseBridge)
 * need a tap -- and for UseBridge a Linux bridge -- made and removed by
 * someone else. The ghost node lends the host its place on the CSMA segment:
 * TapBridge takes the device away from the ghost's own stack, so every frame
 * on it goes to or comes from the real host. The router forwards between
 * that segment (10 Gbps, no delay: the host's side of the tap) and the
 * simulated link, whose rate, delay, loss, reordering and duplication
 * (LifecycleImpairedLinkHelper) and buffer (a pfifo_fast queue disc of
 * SetQueue packets on each end) are the scenario's. The node on the far end
 * is the caller's: it runs this model (LifecycleTcpStackHelper) or ns-3's
 * native TCP, and whatever applications the caller puts there.
 *
 * When the tap is up (at time 0, right after TapBridge created it), the
 * helper adds the host's route to the node's network on the tap -- inside
 * the network namespace the program runs in -- then announces that the
 * emulation is ready: it calls the ready callback and, when a ready file is
 * set (SetReadyFile, or the environment variable TCPLC_READY_FILE), writes
 * the addresses into it (device=, host=, router=, node=, network= lines),
 * atomically, so that a script can wait for it.
 *
 * Before anything: LifecycleTcpEmulationEnvironment::Check() for root,
 * /dev/net/tun, the tap-creator helper and the namespace, then UseRealtime()
 * (the real-time scheduler and checksums -- Linux drops segments with bad
 * checksums). Run the program with
 * scripts/netns-run, which makes a namespace for it and removes it after.
 */
#ifndef LIFECYCLE_TCP_EMULATION_HELPER_H
#define LIFECYCLE_TCP_EMULATION_HELPER_H

#include "lifecycle-impaired-link.h"

#include "ns3/callback.h"
#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup tcp-lifecycle
 * \brief What LifecycleTcpEmulationHelper::Install built.
 */
struct LifecycleTcpEmulation
{
    std::string device;                 //!< the tap device's name
    Ipv4Address network;                //!< the first of the two /24 networks
    Ipv4Address host;                   //!< the host's address, on the tap
    Ipv4Address routerHostSide;         //!< the router on the tap's network (the host's gateway)
    Ipv4Address routerLinkSide;         //!< the router on the link
    Ipv4Address node;                   //!< the caller's node, on the link
    Ptr<Node> ghost;                    //!< the node whose device the tap bridges
    Ptr<Node> router;                   //!< the router
    Ptr<NetDevice> tapSide;             //!< the bridged CSMA device: its traffic is the tap's
    NetDeviceContainer linkDevices;     //!< the link: router's device, node's device
    Ptr<LifecycleImpairedChannel> link; //!< the link's channel
};

/**
 * \ingroup tcp-lifecycle
 * \brief Connects a simulated node to the real host through a tap device.
 *
 * \code
 *   std::string problem = LifecycleTcpEmulationEnvironment::Check("tlc0", "my-program");
 *   if (!problem.empty()) { std::cerr << problem << "\n"; return 3; }  // before ns-3
 *   LifecycleTcpEmulationHelper::UseRealtime();            // before any node or event
 *   Ptr<Node> node = CreateObject<Node>();
 *   LifecycleTcpStackHelper().Install(node);
 *   LifecycleTcpEmulationHelper emulation;
 *   LifecycleTcpEmulation e = emulation.Install(node);   // the host reaches e.node
 * \endcode
 */
class LifecycleTcpEmulationHelper
{
  public:
    LifecycleTcpEmulationHelper();

    /**
     * \brief Bind ns-3's global values an emulation needs: the real-time
     * scheduler (SimulatorImplementationType) and checksums (ChecksumEnabled).
     * Call before anything creates a node or schedules an event.
     */
    static void UseRealtime();

    /// \param name the tap device's name (at most 15 characters) [tlc0]
    void SetDeviceName(const std::string& name);
    /**
     * \param network the first of two /24 networks: the tap's (host .1,
     * router .2) and the next one, the link's (router .1, node .2) [10.77.0.0]
     */
    void SetNetwork(Ipv4Address network);
    /**
     * \param link the simulated link between the router and the node; its
     * first direction (loss "a to b") is the one towards the node
     */
    void SetLink(const LifecycleImpairedLinkHelper& link);
    /// \param packets the buffer of each end of the link (pfifo_fast) [100]
    void SetQueue(uint32_t packets);
    /// \param path a file to write the addresses into once ready ("": none)
    void SetReadyFile(const std::string& path);
    /// Called once the tap is up and routed, with what Install built.
    typedef Callback<void, const LifecycleTcpEmulation&> ReadyCallback;
    /// \param ready called once the tap is up and routed (set it before Install)
    void SetReadyCallback(ReadyCallback ready);

    /**
     * \brief Build the ghost node, the router, the CSMA segment bridged to the
     * tap and the link to \p node; give addresses; schedule the tap's route
     * and the ready announcement. \p node needs an IPv4 stack installed.
     * \param node the simulated node the host talks to
     * \return what was built
     */
    LifecycleTcpEmulation Install(Ptr<Node> node);

    /**
     * \brief Fix the random streams of the link installed last (its loss,
     * reordering and duplication draws).
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * \brief Capture what crosses the tap (the bridged device, Ethernet frames).
     * \param file the pcap file's name
     * \param emulation what Install built
     */
    static void EnablePcap(const std::string& file, const LifecycleTcpEmulation& emulation);

  private:
    /// \brief The tap is up: route, ready file, callback.
    static void Ready(LifecycleTcpEmulation emulation, std::string file, ReadyCallback ready);

    std::string m_device{"tlc0"};
    Ipv4Address m_network{"10.77.0.0"};
    LifecycleImpairedLinkHelper m_link;
    uint32_t m_queue{100};
    std::string m_readyFile;
    ReadyCallback m_ready;
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_EMULATION_HELPER_H */
