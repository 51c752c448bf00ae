/*
 * tcp-lifecycle: print a connection's life as a textbook sequence diagram.
 *
 * Every segment a node sends (time, direction, flags, seq, ack, window,
 * length, options) and every state change with its cause, in two columns,
 * one per node, as the diagrams of RFC 9293 section 3.5 and 3.6 draw them.
 * Sequence numbers are shown relative to each side's ISN, as Wireshark does,
 * unless absolute numbers are asked for; windows are shown scaled (RFC 7323),
 * as the receiver of the segment reads them.
 */
#ifndef LIFECYCLE_TCP_DIAGRAM_H
#define LIFECYCLE_TCP_DIAGRAM_H

#include "lifecycle-tcp-state.h"

#include "ns3/ipv4-address.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/tcp-header.h"

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <tuple>
#include <vector>

namespace ns3
{

class LifecycleTcpSocket;

/**
 * \ingroup tcp-lifecycle
 * \brief Prints segments and state changes of up to two nodes as they happen.
 *
 * \code
 *   LifecycleTcpDiagram diagram(std::cout);
 *   diagram.AddNode(client, "client");   // left column
 *   diagram.AddNode(server, "server");   // right column
 *   Simulator::Run();
 * \endcode
 */
class LifecycleTcpDiagram
{
  public:
    /// \param os where to print
    explicit LifecycleTcpDiagram(std::ostream& os);

    /**
     * \brief Watch a node that runs the tcp-lifecycle TCP.
     * \param node the node (installed with LifecycleTcpStackHelper)
     * \param name its label; the first node added is drawn on the left
     */
    void AddNode(Ptr<Node> node, const std::string& name);

    /**
     * \brief Draw a peer that is not a simulated node -- the real host of an
     * emulation -- in the next column. Its segments are drawn when they reach
     * \p node (the node's TCP Rx trace); its states are not known.
     * \param node the simulated node it talks to (which runs the tcp-lifecycle TCP)
     * \param name its label
     */
    void AddRemote(Ptr<Node> node, const std::string& name);

    /// \param relative true (default) for sequence numbers relative to the ISN
    void SetRelativeSequenceNumbers(bool relative);

    /// \brief Print the column headings (done automatically before the first event).
    void PrintHeader();

  private:
    /// A watched node.
    struct Side
    {
        std::string name; //!< label
        bool left;        //!< drawn in the left column?
    };

    /// \brief Hook the traces of a new socket.
    void SocketCreated(size_t side, Ptr<LifecycleTcpSocket> socket);
    /// \brief A segment left a watched node.
    void SegmentSent(size_t side,
                     Ptr<const Packet> payload,
                     const TcpHeader& header,
                     Ipv4Address source,
                     Ipv4Address destination);
    /// \brief A socket of a watched node changed state.
    void Transition(size_t side,
                    LifecycleTcpState from,
                    LifecycleTcpState to,
                    LifecycleTcpCause cause);
    /// \brief Print one line in the column of \p side.
    void Line(size_t side, const std::string& text);

    /// Key of one direction of a connection (source, sport, destination, dport).
    using Flow = std::tuple<uint32_t, uint16_t, uint32_t, uint16_t>;

    std::ostream& m_os;                //!< output
    std::vector<Side> m_sides;         //!< watched nodes
    std::map<Flow, uint32_t> m_isn;    //!< ISN seen per direction
    std::map<Flow, int> m_windowShift; //!< window scale each direction offered (-1: none)
    bool m_relative{true};             //!< relative sequence numbers?
    bool m_headerPrinted{false};       //!< column headings printed?
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_DIAGRAM_H */
