/*
 * tcp-lifecycle runner: the network of a scenario.
 *
 *   p2p       client 10.1.1.1 ---- link ---- server 10.1.1.2
 *   dumbbell  client i 10.1.(i+1).1 -- router 0 == bottleneck == router 1 -- server i 10.2.(i+1).1
 *
 * The link (the bottleneck of a dumbbell) has the scenario's rate, delay,
 * queue, loss per direction, reordering and duplication
 * (LifecycleImpairedLinkHelper), and can be cut for an interval. Every
 * device's buffer is a pfifo_fast queue disc of link.queue packets over a
 * one-packet device queue, so that drops happen at the tail of the buffer
 * where traces see them. Each client and server has a segment-dropping error
 * model on its receiving device for the drop.* rules.
 */
#ifndef TCP_LIFECYCLE_SCENARIO_NETWORK_H
#define TCP_LIFECYCLE_SCENARIO_NETWORK_H

#include "scenario-options.h"

#include "ns3/ipv4-address.h"
#include "ns3/lifecycle-impaired-link.h"
#include "ns3/lifecycle-tcp-segment-error-model.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"

#include <vector>

namespace tcplc
{

/// The nodes and links of a scenario.
struct ScenarioNetwork
{
    ns3::NodeContainer clients; //!< clients (p2p: one)
    ns3::NodeContainer servers; //!< servers, server i talks to client i
    ns3::NodeContainer routers; //!< dumbbell: the two routers
    /// Addresses of each client: the first, plus aliases when it needs more
    /// ephemeral ports than one address has.
    std::vector<std::vector<ns3::Ipv4Address>> clientAddresses;
    std::vector<ns3::Ipv4Address> serverAddresses;                      //!< one per server
    ns3::NetDeviceContainer devices;                                    //!< every device (pcap)
    ns3::Ptr<ns3::LifecycleImpairedChannel> link;                       //!< the link, or bottleneck
    std::vector<ns3::Ptr<ns3::LifecycleTcpSegmentErrorModel>> toServer; //!< drop rules, by server
    std::vector<ns3::Ptr<ns3::LifecycleTcpSegmentErrorModel>> toClient; //!< drop rules, by client
};

/**
 * \brief Build the network of \p o, with this model or ns-3's native TCP on
 * every node, addresses and routes.
 * \param o the options
 * \param addressesPerClient addresses each client needs
 * \return the network
 */
ScenarioNetwork BuildNetwork(const ScenarioOptions& o, uint32_t addressesPerClient);

} // namespace tcplc

#endif /* TCP_LIFECYCLE_SCENARIO_NETWORK_H */
