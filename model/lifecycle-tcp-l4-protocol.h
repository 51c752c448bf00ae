/*
 * tcp-lifecycle: the TCP layer of one node (IP protocol 6).
 *
 * Receives segments from the node's IPv4 stack, checks them (header, options,
 * checksum), hands each to its connection (by 4-tuple) or to a listener (by
 * port), and answers a segment for no connection with a RST as RFC 9293
 * 3.10.7.1 says. Sockets send their segments through it.
 */
#ifndef LIFECYCLE_TCP_L4_PROTOCOL_H
#define LIFECYCLE_TCP_L4_PROTOCOL_H

#include "lifecycle-tcp-demux.h"
#include "lifecycle-tcp-isn.h"
#include "lifecycle-tcp-state.h"

#include "ns3/attribute.h"
#include "ns3/ip-l4-protocol.h"
#include "ns3/ipv4-address.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv4.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/random-variable-stream.h"
#include "ns3/sequence-number.h"
#include "ns3/tcp-header.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace ns3
{

class LifecycleTcpSocket;
class Socket;

/**
 * \ingroup tcp-lifecycle
 * \brief Per-node counters of the TCP layer, for segments no connection took.
 */
struct LifecycleTcpProtocolCounters
{
    uint64_t segmentsReceived{0}; //!< segments that reached this layer
    uint64_t segmentsSent{0};     //!< segments sent, by sockets and by the layer
    uint64_t badChecksum{0};      //!< dropped: checksum failed
    uint64_t malformed{0};        //!< dropped: header or options malformed (MUST-7)
    uint64_t noConnection{0};     //!< no connection, no listener (RST sent unless RST)
    uint64_t backlogFull{0};      //!< SYNs a listener dropped: its SYN backlog was full
    uint64_t resetsSent{0};       //!< RSTs sent for segments that matched nothing
    uint64_t broadcastDropped{0}; //!< segments to a broadcast or multicast address (MUST-57)
};

/**
 * \ingroup tcp-lifecycle
 * \brief The tcp-lifecycle TCP layer, an ns-3 IpL4Protocol.
 *
 * Installed in place of ns3::TcpL4Protocol by LifecycleTcpStackHelper; it
 * aggregates a LifecycleTcpSocketFactory (a ns3::TcpSocketFactory) to the
 * node, so applications that ask for TcpSocketFactory get sockets of this
 * model.
 */
class LifecycleTcpL4Protocol : public IpL4Protocol
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    /// IP protocol number of TCP.
    static const uint8_t PROT_NUMBER;

    LifecycleTcpL4Protocol();
    ~LifecycleTcpL4Protocol() override;

    /// \param node the node this layer belongs to
    void SetNode(Ptr<Node> node);
    /// \return the node
    Ptr<Node> GetNode() const;

    /// \return a new, unbound socket of this model
    Ptr<Socket> CreateSocket();

    // IpL4Protocol
    int GetProtocolNumber() const override;
    IpL4Protocol::RxStatus Receive(Ptr<Packet> p,
                                   const Ipv4Header& header,
                                   Ptr<Ipv4Interface> incomingInterface) override;
    IpL4Protocol::RxStatus Receive(Ptr<Packet> p,
                                   const Ipv6Header& header,
                                   Ptr<Ipv6Interface> incomingInterface) override;
    void SetDownTarget(IpL4Protocol::DownTargetCallback cb) override;
    void SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb) override;
    IpL4Protocol::DownTargetCallback GetDownTarget() const override;
    IpL4Protocol::DownTargetCallback6 GetDownTarget6() const override;

    /**
     * \brief Simulate a crash: every connection and listener of the node is
     * forgotten at once, without sending anything (RFC 9293 3.5.1,
     * "a failure or reboot that resulted in loss of memory").
     *
     * The sockets go to CLOSED with cause "node crash". Segments that arrive
     * afterwards find no connection and are answered with RST.
     */
    void Crash();

    /// \return the counters of this layer
    const LifecycleTcpProtocolCounters& GetCounters() const;
    /// \return connections currently in the 4-tuple table (TIME_WAIT included)
    size_t GetConnectionCount() const;

    /**
     * \brief Replace the RFC 6528 ISN generator, e.g. to reproduce the
     * sequence numbers of the RFC's figures in a test or a lesson.
     * \param cb called with the connection's 4-tuple, returns its ISS; a null
     * callback restores the RFC 6528 generator
     */
    void SetIssGenerator(Callback<SequenceNumber32, const LifecycleTcpFourTuple&> cb);

    /**
     * \brief Assign a fixed random stream to the ISN key and port choice.
     * \param stream first stream index
     * \return number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    // ---- used by LifecycleTcpSocket ----

    /**
     * \brief Send a segment.
     * \param payload the data (may be empty); the header is added here
     * \param header the header; checksum set up here when ChecksumEnabled
     * \param source local address
     * \param destination remote address
     * \param oif output device to use, or nullptr for the routing decision
     * \param route a connection's cached route: used while its interface is
     * up, looked up again (and stored) otherwise; nullptr to look up each time
     */
    void SendSegment(Ptr<Packet> payload,
                     TcpHeader& header,
                     Ipv4Address source,
                     Ipv4Address destination,
                     Ptr<NetDevice> oif,
                     Ptr<Ipv4Route>* route = nullptr);

    /**
     * \brief Find the source address for reaching \p destination.
     * \param destination remote address
     * \param oif required output device, or nullptr
     * \param source set to the chosen local address
     * \param mtu set to the MTU of the output device
     * \return true when a route exists
     */
    bool RouteSource(Ipv4Address destination,
                     Ptr<NetDevice> oif,
                     Ipv4Address& source,
                     uint32_t& mtu) const;

    /// \return the ISS for a new connection on \p tuple (RFC 6528 unless replaced)
    SequenceNumber32 ChooseIss(const LifecycleTcpFourTuple& tuple) const;

    /// \brief Keep \p s alive and visible in SocketList (from its creation until CLOSED).
    void Track(Ptr<LifecycleTcpSocket> s);
    /// \brief Stop keeping \p s alive (it reached CLOSED and holds nothing).
    void Untrack(LifecycleTcpSocket* s);

    /**
     * \brief Bind \p s to \p address and \p port; port 0 picks an ephemeral port.
     * \param s the socket
     * \param address local address or any
     * \param port local port, or 0
     * \return the port bound, or 0 when the address or port is in use or none is free
     */
    uint16_t Bind(LifecycleTcpSocket* s, Ipv4Address address, uint16_t port);
    /// \brief Release the binding of \p s on \p port.
    void Unbind(LifecycleTcpSocket* s, uint16_t port);
    /// \brief Mark the binding of \p s as listening or not.
    void SetListening(LifecycleTcpSocket* s, uint16_t port, bool listening);
    /**
     * \brief Pick a local port for a connection to \p remote from \p local
     * whose 4-tuple is free (what connect() does without a prior bind()).
     * \return the port, or 0 when none is free
     */
    uint16_t PickConnectPort(Ipv4Address local, Ipv4Address remote, uint16_t remotePort);
    /// \return the listener for \p address and \p port, or nullptr
    Ptr<LifecycleTcpSocket> FindListener(Ipv4Address address, uint16_t port) const;
    /// \brief Enter \p s in the connection table under \p tuple; false when taken.
    bool AddConnection(const LifecycleTcpFourTuple& tuple, LifecycleTcpSocket* s);
    /// \brief Remove \p s from the connection table.
    void RemoveConnection(const LifecycleTcpFourTuple& tuple, LifecycleTcpSocket* s);

    /**
     * \brief Send a RST in answer to a segment that no connection may take
     * (RFC 9293 3.10.7.1 and 3.5.2 group 1): never for a RST.
     * \param in the offending segment's header
     * \param payloadSize its payload bytes
     * \param source its source address (the RST goes there)
     * \param destination its destination address
     */
    void SendResetFor(const TcpHeader& in,
                      uint32_t payloadSize,
                      Ipv4Address source,
                      Ipv4Address destination);

    /// TracedCallback signature of the SocketCreated trace source.
    typedef void (*SocketCreatedCallback)(Ptr<LifecycleTcpSocket> socket);
    /// TracedCallback signature of the segment Tx and Rx trace sources.
    typedef void (*SegmentTracedCallback)(Ptr<const Packet> payload,
                                          const TcpHeader& header,
                                          Ipv4Address source,
                                          Ipv4Address destination);
    /// TracedCallback signature of the Drop trace source.
    typedef void (*DropTracedCallback)(Ptr<const Packet> segment,
                                       Ipv4Address source,
                                       Ipv4Address destination,
                                       LifecycleTcpDropReason reason);

  protected:
    void NotifyNewAggregate() override;
    void DoDispose() override;

  private:
    friend class LifecycleTcpSocket;

    /// \brief Draw the ISN key if not drawn yet.
    void EnsureKey() const;
    /// \brief Record a drop the layer made itself.
    void Dropped(Ptr<const Packet> segment,
                 Ipv4Address source,
                 Ipv4Address destination,
                 LifecycleTcpDropReason reason);
    /**
     * \brief A listener dropped a SYN because its SYN backlog was full:
     * count it and fire Drop with BACKLOG_FULL.
     * \param payload the SYN's text (header removed)
     * \param header its header
     * \param source its source address
     * \param destination its destination address
     */
    void DroppedBacklogFull(Ptr<const Packet> payload,
                            const TcpHeader& header,
                            Ipv4Address source,
                            Ipv4Address destination);

    Ptr<Node> m_node;                                //!< the node
    Ptr<Ipv4> m_ipv4;                                //!< the node's IPv4, once looked up
    IpL4Protocol::DownTargetCallback m_downTarget;   //!< IPv4 send
    IpL4Protocol::DownTargetCallback6 m_downTarget6; //!< IPv6 send (unused)
    LifecycleTcpDemux m_demux;                       //!< connection and listener tables
    std::unordered_map<uint64_t, Ptr<LifecycleTcpSocket>> m_sockets; //!< live sockets (SocketList)
    uint64_t m_nextSocketId{0};                                      //!< key for m_sockets
    LifecycleTcpProtocolCounters m_counters;                         //!< counters
    mutable LifecycleTcpIsnGenerator m_isn;                          //!< RFC 6528 generator
    mutable bool m_keyDrawn{false};                                  //!< ISN key drawn?
    Ptr<UniformRandomVariable> m_rng; //!< ISN key, first ephemeral port
    Callback<SequenceNumber32, const LifecycleTcpFourTuple&> m_issOverride; //!< test hook
    uint16_t m_portLow{49152};                                              //!< EphemeralPortLow
    uint16_t m_portHigh{65535};                                             //!< EphemeralPortHigh
    uint16_t m_nextPort{0}; //!< next ephemeral port to try

    /// \return true when the socket prototype was built with today's attribute defaults
    bool PrototypeIsCurrent() const;

    Ptr<LifecycleTcpSocket> m_prototype; //!< never-used socket new ones are copied from
    /// The default value objects (by identity) m_prototype was built with;
    /// Config::SetDefault replaces the object, so any change shows.
    std::vector<Ptr<const AttributeValue>> m_prototypeDefaults;
    TracedCallback<Ptr<LifecycleTcpSocket>> m_socketCreatedTrace; //!< SocketCreated
    TracedCallback<Ptr<const Packet>, const TcpHeader&, Ipv4Address, Ipv4Address>
        m_txTrace; //!< Tx: every segment sent
    TracedCallback<Ptr<const Packet>, const TcpHeader&, Ipv4Address, Ipv4Address>
        m_rxTrace; //!< Rx: every well-formed segment received
    TracedCallback<Ptr<const Packet>, Ipv4Address, Ipv4Address, LifecycleTcpDropReason>
        m_dropTrace; //!< Drop: segments dropped before reaching a connection
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_L4_PROTOCOL_H */
