/*
 * tcp-lifecycle tests: two nodes on a point-to-point link, both running the
 * model, with everything a test wants to assert on recorded: each segment as
 * it leaves a TCP layer (written as RFC 9293's figures write segments) and
 * each state every socket passes through.
 */
#ifndef LIFECYCLE_TEST_NETWORK_H
#define LIFECYCLE_TEST_NETWORK_H

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/tcp-lifecycle-module.h"
#include "ns3/traffic-control-module.h"

#include <gtest/gtest.h>

#include <deque>
#include <map>
#include <string>
#include <vector>

namespace ns3
{
namespace lifecycle_test
{

/// A segment as node A's or B's device sent it onto the link.
struct WireSegment
{
    Time at;         //!< when it was sent
    char from;       //!< 'A' or 'B'
    uint8_t flags;   //!< TCP flags
    uint32_t seq;    //!< SEG.SEQ
    uint32_t ack;    //!< SEG.ACK (meaningful with ACK)
    uint16_t window; //!< SEG.WND field
    uint32_t length; //!< payload bytes

    /// \return e.g. "A <SEQ=100><ACK=301><CTL=ACK><DATA=10>"
    std::string Rfc() const;
};

/// \return the control bits in RFC order and spelling, e.g. "SYN,ACK"
std::string CtlString(uint8_t flags);

/// A state change of one socket.
struct StateChange
{
    Time at;                 //!< when
    LifecycleTcpState from;  //!< old state
    LifecycleTcpState to;    //!< new state
    LifecycleTcpCause cause; //!< why
};

/**
 * \brief Base fixture: a fresh simulator, seed and configuration per test.
 */
class SimulationTest : public ::testing::Test
{
  protected:
    void SetUp() override;
    void TearDown() override;
};

/**
 * \brief Node A and node B on a point-to-point link, both with this TCP.
 */
class TwoNodeNetwork
{
  public:
    /// Link parameters.
    struct Options
    {
        std::string rate{"10Mbps"};         //!< link rate
        Time delay{MilliSeconds(10)};       //!< one-way propagation delay
        bool nativeB{false};                //!< B runs ns-3's native TCP instead
        bool realIss{false};                //!< keep the RFC 6528 generator (no test ISSs)
        double lossAToB{0};                 //!< random loss of packets from A
        double lossBToA{0};                 //!< random loss of packets from B
        double reorder{0};                  //!< probability a packet is held back
        Time reorderDelay{MilliSeconds(5)}; //!< how long
        double duplicate{0};                //!< probability a packet arrives twice
        uint32_t queuePackets{100};         //!< device queue size
        int64_t stream{1000};               //!< first random stream of the link
    };

    TwoNodeNetwork();
    /// \param options link parameters
    explicit TwoNodeNetwork(Options options);

    /// \return node 'A' or 'B'
    Ptr<Node> GetNode(char n) const;
    /// \return the address of node 'A' or 'B'
    Ipv4Address Addr(char n) const;
    /// \return the TCP layer of node 'A' or 'B'
    Ptr<LifecycleTcpL4Protocol> Tcp(char n) const;
    /// \return the device of node 'A' or 'B'
    Ptr<PointToPointNetDevice> Device(char n) const;

    /// \brief The next connections on node \p n get these ISS values, in order.
    void SetIss(char n, std::vector<uint32_t> values);

    /// \return a new socket on node \p n
    Ptr<LifecycleTcpSocket> NewSocket(char n);
    /// \return a socket on node \p n listening on \p port
    Ptr<LifecycleTcpSocket> Listen(char n, uint16_t port);
    /**
     * \brief A socket on \p n that connects to the other node's \p port at \p at.
     * \param localPort bind to this port first (0: let Connect choose)
     */
    Ptr<LifecycleTcpSocket> ConnectAt(Time at, char n, uint16_t port, uint16_t localPort = 0);

    /// \return the error model dropping segments as node \p receiver receives
    /// them (installed on first use; later calls add rules to the same model)
    Ptr<LifecycleTcpSegmentErrorModel> DropAt(char receiver);

    /**
     * \brief Send a raw segment from node \p n's address, bypassing its TCP
     * (an old duplicate, a forged RST...). Recorded in the wire log.
     */
    void InjectAt(Time at, char n, TcpHeader header, uint32_t payloadBytes = 0);
    /// \brief InjectAt, now.
    void InjectNow(char n, TcpHeader header, uint32_t payloadBytes = 0);
    /// \brief Send raw bytes as a TCP segment (protocol 6) from node \p n at \p at.
    void InjectRawAt(Time at, char n, std::vector<uint8_t> segment);
    /**
     * \brief A header from node \p n's \p port to the other node's \p peerPort.
     * \param ack the acknowledgment number (used when \p flags has ACK)
     */
    static TcpHeader Header(uint16_t port,
                            uint16_t peerPort,
                            uint32_t seq,
                            uint8_t flags,
                            uint32_t ack = 0,
                            uint16_t window = 65535);

    /// \return every segment so far, RFC notation, in order
    std::vector<std::string> Wire() const;
    /// \return every segment so far
    const std::vector<WireSegment>& Segments() const;
    /// \return the segments sent by node \p n
    std::vector<WireSegment> SegmentsFrom(char n) const;

    /// \return the sockets created on node \p n (forks included), in order
    std::vector<Ptr<LifecycleTcpSocket>> Sockets(char n) const;
    /// \return the states \p s went through, its first state included
    std::vector<std::string> States(Ptr<LifecycleTcpSocket> s) const;
    /// \return the state changes of \p s
    std::vector<StateChange> Changes(Ptr<LifecycleTcpSocket> s) const;
    /// \return the retransmissions \p s reported
    std::vector<LifecycleTcpRetransmission> Retransmissions(Ptr<LifecycleTcpSocket> s) const;
    /// \return the times \p s reported its retransmissions
    std::vector<Time> RetransmissionTimes(Ptr<LifecycleTcpSocket> s) const;

    /// \return packets the link's error models dropped so far (both directions)
    uint64_t LinkDrops() const;

    /// \brief Run until \p until (absolute simulated time).
    void RunUntil(Time until);

    /// An established connection between A (active opener) and B.
    struct Connection
    {
        Ptr<LifecycleTcpSocket> a;        //!< A's socket
        Ptr<LifecycleTcpSocket> b;        //!< B's socket, forked by the listener
        Ptr<LifecycleTcpSocket> listener; //!< B's listener
    };

    /**
     * \brief A connects from port 1000 to B's port 80 at \p at, and the
     * simulation runs until \p at + 1 s; both sides are then ESTABLISHED.
     */
    Connection Establish(Time at = Seconds(1));

  private:
    /// Per-socket records.
    struct SocketRecord
    {
        Ptr<LifecycleTcpSocket> socket;               //!< the socket
        LifecycleTcpState first;                      //!< state when created
        std::vector<StateChange> changes;             //!< its transitions
        std::vector<LifecycleTcpRetransmission> retx; //!< its retransmissions
        std::vector<Time> retxTimes;                  //!< when
    };

    void Build(Options options);
    void Watch(char n, Ptr<LifecycleTcpSocket> s);
    const SocketRecord* Find(Ptr<LifecycleTcpSocket> s) const;

    NodeContainer m_nodes;
    NetDeviceContainer m_devices;
    Ipv4InterfaceContainer m_interfaces;
    std::map<char, std::deque<uint32_t>> m_iss;
    std::map<char, Ptr<LifecycleTcpSegmentErrorModel>> m_drops;
    uint64_t m_linkDrops{0};
    std::vector<WireSegment> m_wire;
    std::vector<SocketRecord> m_sockets;
    std::map<char, std::vector<size_t>> m_byNode;
};

} // namespace lifecycle_test
} // namespace ns3

#endif /* LIFECYCLE_TEST_NETWORK_H */
