/*
 * tcp-lifecycle runner: what the clients and servers of a scenario do.
 *
 * Each client i talks to server i. The workloads:
 *   bulk              bulk.flows connections each send bulk.bytes
 *   request-response  rr.connections connections, one after another, each
 *                     rr.requests requests of rr.request bytes answered with
 *                     rr.response bytes, rr.think apart
 *   short             short.count connections, short.interval apart (or
 *                     Poisson at short.rate), each sending short.bytes
 *   echo              one connection: the client sends echo.message and a
 *                     newline, the server answers echo.reply and a newline
 *   hold              hold.count connections kept open (hold.bytes sent first)
 *   half-close        the client sends half-close.request bytes and shuts
 *                     its sending side down (a FIN); the server, in
 *                     CLOSE_WAIT, sends half-close.response bytes, then closes
 *   simultaneous-open both ends connect to each other at once (RFC 9293
 *                     Figure 7): crossing SYNs, one connection
 *   syn-flood         short connections while client 0 floods server 0 with
 *                     SYNs from spoofed addresses (LifecycleTcpSynFloodApplication)
 * and who closes first (close = client, server, or both at once, when the
 * exchange is complete). Applications read everything before closing, so a
 * close never resets because of unread data.
 */
#ifndef TCP_LIFECYCLE_SCENARIO_WORKLOAD_H
#define TCP_LIFECYCLE_SCENARIO_WORKLOAD_H

#include "scenario-network.h"
#include "scenario-options.h"

#include "ns3/lifecycle-tcp-metrics.h"
#include "ns3/random-variable-stream.h"
#include "ns3/socket.h"

#include <cstdint>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

namespace tcplc
{

/// What the applications of a run counted.
struct WorkloadCounts
{
    uint64_t started{0};     //!< connections the clients opened
    uint64_t established{0}; //!< ... that reached ESTABLISHED
    uint64_t completed{0};   //!< ... whose exchange completed (every byte arrived)
    uint64_t failed{0};      //!< ... that failed (refused, timed out, reset)
    uint64_t skipped{0};     //!< not opened: the client was down (crashed)
    uint64_t synsSent{0};    //!< spoofed SYNs of a flood
};

class Connection;

/**
 * \brief The applications of a scenario: a server per server node, a client
 * schedule per client node, and their connections.
 */
class Workload
{
  public:
    /**
     * \param o the options
     * \param net the network
     * \param metrics the collector, told about each socket made here
     */
    Workload(const ScenarioOptions& o,
             ScenarioNetwork& net,
             ns3::Ptr<ns3::LifecycleTcpMetrics> metrics);
    ~Workload();
    Workload(const Workload&) = delete;
    Workload& operator=(const Workload&) = delete;

    /// \brief Start listening and schedule the clients.
    void Install();
    /// \return the number of connections each client opens (for port planning)
    static uint64_t ConnectionsPerClient(const ScenarioOptions& o);

    /**
     * \brief Node \p node crashed or came back: a crashed client opens no new
     * connections; a server that comes back listens again.
     * \param node the node
     * \param up false when it crashes, true when it reboots
     */
    void NodeState(ns3::Ptr<ns3::Node> node, bool up);

    /// \return what happened so far
    const WorkloadCounts& Counts() const;

  private:
    friend class Connection;

    void Listen(uint32_t server);
    void OnAccept(uint32_t server, ns3::Ptr<ns3::Socket> socket, const ns3::Address& from);
    void OpenClient(uint32_t client);
    void ScheduleShort(uint32_t client, uint64_t opened);
    void StartSimultaneousOpen();
    void StartFlood();
    /// \brief Both ends of the connection from \p key close at once (close = both).
    void CloseBoth(uint64_t key);
    /// \brief A connection object is done: forget it.
    void Forget(Connection* c);
    /// \brief A request-response connection of \p client ended: open the next.
    void NextRequestResponse(uint32_t client);
    /// \return the pairing key of a client address and port
    static uint64_t Key(ns3::Ipv4Address address, uint16_t port);

    const ScenarioOptions& m_o;
    ScenarioNetwork& m_net;
    ns3::Ptr<ns3::LifecycleTcpMetrics> m_metrics;
    std::vector<ns3::Ptr<ns3::Socket>> m_listeners;                       //!< by server
    std::vector<bool> m_up;                                               //!< by node id: running
    std::unordered_map<Connection*, std::unique_ptr<Connection>> m_conns; //!< live connections
    std::unordered_map<uint64_t, std::pair<Connection*, Connection*>> m_pairs; //!< client, server
    std::vector<uint32_t> m_nextAddress; //!< by client: round robin over its addresses
    std::vector<uint32_t> m_rrOpened;    //!< by client: request-response connections ended
    ns3::Ptr<ns3::ExponentialRandomVariable> m_arrivals; //!< Poisson gaps
    WorkloadCounts m_counts;
};

} // namespace tcplc

#endif /* TCP_LIFECYCLE_SCENARIO_WORKLOAD_H */
