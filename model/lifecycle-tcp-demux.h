/*
 * tcp-lifecycle: demultiplexing arriving segments to connections.
 *
 * Connections are found by their 4-tuple in a hash table, in O(1) whatever
 * their number, TIME_WAIT ones included; listeners are found by port, then by
 * address (a listener bound to the segment's destination address wins over
 * one bound to any address). ns-3's Ipv4EndPointDemux scans every endpoint on
 * each lookup, which is what makes the native stack slow down as connections
 * accumulate; it is not used here.
 */
#ifndef LIFECYCLE_TCP_DEMUX_H
#define LIFECYCLE_TCP_DEMUX_H

#include "ns3/ipv4-address.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace ns3
{

class LifecycleTcpSocket;

/**
 * \ingroup tcp-lifecycle
 * \brief The 4-tuple naming a connection, from the local side.
 */
struct LifecycleTcpFourTuple
{
    Ipv4Address localAddress{uint32_t{0}};  //!< local IPv4 address
    uint16_t localPort{0};                  //!< local port
    Ipv4Address remoteAddress{uint32_t{0}}; //!< remote IPv4 address
    uint16_t remotePort{0};                 //!< remote port

    /// \return true when all four fields are equal
    bool operator==(const LifecycleTcpFourTuple& o) const
    {
        return localPort == o.localPort && remotePort == o.remotePort
               && localAddress == o.localAddress && remoteAddress == o.remoteAddress;
    }
};

/**
 * \ingroup tcp-lifecycle
 * \brief Hash of a 4-tuple (a 64-bit mix of its 96 bits).
 */
struct LifecycleTcpFourTupleHash
{
    /// \return the hash of \p t
    size_t operator()(const LifecycleTcpFourTuple& t) const;
};

/**
 * \ingroup tcp-lifecycle
 * \brief Connection and listener tables of one node's TCP.
 *
 * Holds plain pointers; the L4 protocol keeps the sockets alive while they
 * are in a table.
 */
class LifecycleTcpDemux
{
  public:
    /**
     * \brief Add a connection.
     * \param t its 4-tuple
     * \param s the socket
     * \return false when the 4-tuple is taken
     */
    bool AddConnection(const LifecycleTcpFourTuple& t, LifecycleTcpSocket* s);
    /// \brief Remove the connection \p t if it belongs to \p s.
    void RemoveConnection(const LifecycleTcpFourTuple& t, const LifecycleTcpSocket* s);
    /// \return the connection with 4-tuple \p t, or nullptr
    LifecycleTcpSocket* FindConnection(const LifecycleTcpFourTuple& t) const;
    /// \return the number of connections
    size_t GetConnectionCount() const;

    /**
     * \brief Reserve a local address and port for \p s (Bind).
     * \param address local address, or any
     * \param port local port
     * \param s the socket
     * \return false when the same address is already bound to \p port
     */
    bool AddBinding(Ipv4Address address, uint16_t port, LifecycleTcpSocket* s);
    /// \brief Release the binding of \p s on \p port.
    void RemoveBinding(uint16_t port, const LifecycleTcpSocket* s);
    /// \return true when some socket is bound to \p port
    bool IsPortBound(uint16_t port) const;
    /**
     * \return true when a binding of \p port would overlap one that exists:
     * one on \p address or on the wildcard, or any one when \p address is
     * the wildcard. An ephemeral port is chosen among ports where this is false.
     */
    bool IsPortBoundFor(Ipv4Address address, uint16_t port) const;
    /// \brief Mark the binding of \p s on \p port as listening or not.
    void SetListening(uint16_t port, const LifecycleTcpSocket* s, bool listening);
    /**
     * \param address the destination address of an arriving segment
     * \param port its destination port
     * \return the listener for it (exact address first, then any), or nullptr
     */
    LifecycleTcpSocket* FindListener(Ipv4Address address, uint16_t port) const;

    /// \brief Forget everything.
    void Clear();

  private:
    /// One socket bound to a port.
    struct Binding
    {
        Ipv4Address address;        //!< bound address (any for wildcard)
        LifecycleTcpSocket* socket; //!< the socket
        bool listening;             //!< in LISTEN?
    };

    std::unordered_map<LifecycleTcpFourTuple, LifecycleTcpSocket*, LifecycleTcpFourTupleHash>
        m_connections;                                             //!< by 4-tuple
    std::unordered_map<uint16_t, std::vector<Binding>> m_bindings; //!< by local port
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_DEMUX_H */
