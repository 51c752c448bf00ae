/*
 * tcp-lifecycle: textbook sequence diagrams.
 */
#include "lifecycle-tcp-diagram.h"

#include "lifecycle-tcp-l4-protocol.h"
#include "lifecycle-tcp-socket.h"

#include "ns3/callback.h"
#include "ns3/simulator.h"
#include "ns3/tcp-option-rfc793.h"
#include "ns3/tcp-option-winscale.h"

#include <iomanip>
#include <sstream>

namespace ns3
{

namespace
{
constexpr int TIME_WIDTH = 12; //!< width of the time column
constexpr int COLUMN = 46;     //!< width of one node's column
} // namespace

LifecycleTcpDiagram::LifecycleTcpDiagram(std::ostream& os)
    : m_os(os)
{
}

void
LifecycleTcpDiagram::AddNode(Ptr<Node> node, const std::string& name)
{
    Ptr<LifecycleTcpL4Protocol> tcp = node->GetObject<LifecycleTcpL4Protocol>();
    NS_ABORT_MSG_IF(!tcp,
                    "LifecycleTcpDiagram: node " << node->GetId()
                                                 << " does not run the tcp-lifecycle TCP");
    NS_ABORT_MSG_IF(m_sides.size() >= 2, "LifecycleTcpDiagram draws two nodes");
    size_t side = m_sides.size();
    m_sides.push_back(Side{name, side == 0});
    tcp->TraceConnectWithoutContext(
        "SocketCreated", MakeCallback(&LifecycleTcpDiagram::SocketCreated, this).Bind(side));
    tcp->TraceConnectWithoutContext(
        "Tx", MakeCallback(&LifecycleTcpDiagram::SegmentSent, this).Bind(side));
}

void
LifecycleTcpDiagram::AddRemote(Ptr<Node> node, const std::string& name)
{
    Ptr<LifecycleTcpL4Protocol> tcp = node->GetObject<LifecycleTcpL4Protocol>();
    NS_ABORT_MSG_IF(!tcp,
                    "LifecycleTcpDiagram: node " << node->GetId()
                                                 << " does not run the tcp-lifecycle TCP");
    NS_ABORT_MSG_IF(m_sides.size() >= 2, "LifecycleTcpDiagram draws two nodes");
    size_t side = m_sides.size();
    m_sides.push_back(Side{name, side == 0});
    // What the node receives is what the remote sent.
    tcp->TraceConnectWithoutContext(
        "Rx", MakeCallback(&LifecycleTcpDiagram::SegmentSent, this).Bind(side));
}

void
LifecycleTcpDiagram::SetRelativeSequenceNumbers(bool relative)
{
    m_relative = relative;
}

void
LifecycleTcpDiagram::PrintHeader()
{
    m_headerPrinted = true;
    m_os << std::left << std::setw(TIME_WIDTH) << "time (s)";
    for (const auto& s : m_sides)
    {
        m_os << std::setw(COLUMN) << s.name;
    }
    m_os << "\n" << std::string(TIME_WIDTH + COLUMN * m_sides.size(), '-') << "\n" << std::right;
}

void
LifecycleTcpDiagram::SocketCreated(size_t side, Ptr<LifecycleTcpSocket> socket)
{
    socket->TraceConnectWithoutContext(
        "Transition", MakeCallback(&LifecycleTcpDiagram::Transition, this).Bind(side));
}

void
LifecycleTcpDiagram::Line(size_t side, const std::string& text)
{
    if (!m_headerPrinted)
    {
        PrintHeader();
    }
    std::ostringstream t;
    t << std::fixed << std::setprecision(6) << Simulator::Now().GetSeconds();
    m_os << std::left << std::setw(TIME_WIDTH) << t.str();
    if (side == 1)
    {
        m_os << std::string(COLUMN, ' ');
    }
    m_os << text << std::right << "\n";
}

void
LifecycleTcpDiagram::SegmentSent(size_t side,
                                 Ptr<const Packet> payload,
                                 const TcpHeader& h,
                                 Ipv4Address source,
                                 Ipv4Address destination)
{
    Flow out{source.Get(), h.GetSourcePort(), destination.Get(), h.GetDestinationPort()};
    Flow in{destination.Get(), h.GetDestinationPort(), source.Get(), h.GetSourcePort()};
    uint8_t flags = h.GetFlags();
    if (flags & TcpHeader::SYN)
    {
        m_isn[out] = h.GetSequenceNumber().GetValue();
        m_windowShift[out] = -1;
        if (h.HasOption(TcpOption::WINSCALE))
        {
            m_windowShift[out] =
                DynamicCast<const TcpOptionWinScale>(h.GetOption(TcpOption::WINSCALE))->GetScale();
        }
    }
    std::ostringstream s;
    s << "[" << TcpHeader::FlagsToString(flags, ",") << "]";
    auto seqIt = m_isn.find(out);
    auto ackIt = m_isn.find(in);
    uint32_t seq = h.GetSequenceNumber().GetValue();
    uint32_t ack = h.GetAckNumber().GetValue();
    s << " seq=" << ((m_relative && seqIt != m_isn.end()) ? seq - seqIt->second : seq);
    if (flags & TcpHeader::ACK)
    {
        s << " ack=" << ((m_relative && ackIt != m_isn.end()) ? ack - ackIt->second : ack);
    }
    // The window as the receiver reads it: scaled once both SYNs offered a
    // scale (a SYN's own window never is, RFC 7323 2.2).
    uint32_t window = h.GetWindowSize();
    auto outShift = m_windowShift.find(out);
    auto inShift = m_windowShift.find(in);
    if (!(flags & TcpHeader::SYN) && outShift != m_windowShift.end()
        && inShift != m_windowShift.end() && outShift->second >= 0 && inShift->second >= 0)
    {
        window <<= outShift->second;
    }
    s << " win=" << window;
    if (payload->GetSize() > 0)
    {
        s << " len=" << payload->GetSize();
    }
    if (flags & TcpHeader::SYN)
    {
        std::string options;
        if (h.HasOption(TcpOption::MSS))
        {
            auto mss = DynamicCast<const TcpOptionMSS>(h.GetOption(TcpOption::MSS));
            options += "mss " + std::to_string(mss->GetMSS());
        }
        if (h.HasOption(TcpOption::WINSCALE))
        {
            options += ",ws " + std::to_string(m_windowShift[out]);
        }
        if (h.HasOption(TcpOption::TS))
        {
            options += ",ts";
        }
        if (h.HasOption(TcpOption::SACKPERMITTED))
        {
            options += ",sackOK";
        }
        s << " <" << options << ">";
    }
    // Segments span both columns, with an arrow pointing at the receiver.
    std::string text = s.str();
    size_t width = 2 * COLUMN - 4;
    size_t dashes = text.size() + 4 < width ? width - text.size() - 2 : 2;
    if (!m_headerPrinted)
    {
        PrintHeader();
    }
    std::ostringstream t;
    t << std::fixed << std::setprecision(6) << Simulator::Now().GetSeconds();
    m_os << std::left << std::setw(TIME_WIDTH) << t.str() << std::right;
    if (side == 0)
    {
        m_os << text << " " << std::string(dashes, '-') << ">\n";
    }
    else
    {
        m_os << "<" << std::string(dashes, '-') << " " << text << "\n";
    }
}

void
LifecycleTcpDiagram::Transition(size_t side,
                                LifecycleTcpState from,
                                LifecycleTcpState to,
                                LifecycleTcpCause cause)
{
    Line(side,
         LifecycleTcpStates::Name(from) + " -> " + LifecycleTcpStates::Name(to) + "  ("
             + cause.ToString() + ")");
}

} // namespace ns3
