/*
 * tcp-lifecycle: drop chosen TCP segments.
 */
#include "lifecycle-tcp-segment-error-model.h"

#include "ns3/log.h"
#include "ns3/packet.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LifecycleTcpSegmentErrorModel");
NS_OBJECT_ENSURE_REGISTERED(LifecycleTcpSegmentErrorModel);

LifecycleTcpSegmentMatch
LifecycleTcpSegmentMatch::Syn()
{
    return {TcpHeader::SYN | TcpHeader::ACK, TcpHeader::SYN, -1};
}

LifecycleTcpSegmentMatch
LifecycleTcpSegmentMatch::SynAck()
{
    return {TcpHeader::SYN | TcpHeader::ACK, TcpHeader::SYN | TcpHeader::ACK, -1};
}

LifecycleTcpSegmentMatch
LifecycleTcpSegmentMatch::Fin()
{
    return {TcpHeader::FIN, TcpHeader::FIN, -1};
}

LifecycleTcpSegmentMatch
LifecycleTcpSegmentMatch::PureAck()
{
    return {TcpHeader::SYN | TcpHeader::ACK | TcpHeader::FIN | TcpHeader::RST, TcpHeader::ACK, 0};
}

LifecycleTcpSegmentMatch
LifecycleTcpSegmentMatch::Data()
{
    return {0, 0, 1};
}

LifecycleTcpSegmentMatch
LifecycleTcpSegmentMatch::Rst()
{
    return {TcpHeader::RST, TcpHeader::RST, -1};
}

LifecycleTcpSegmentMatch
LifecycleTcpSegmentMatch::Any()
{
    return {0, 0, -1};
}

LifecycleTcpSegmentMatch
LifecycleTcpSegmentMatch::FromName(const std::string& name, bool& ok)
{
    ok = true;
    if (name == "syn")
    {
        return Syn();
    }
    if (name == "synack")
    {
        return SynAck();
    }
    if (name == "fin")
    {
        return Fin();
    }
    if (name == "ack")
    {
        return PureAck();
    }
    if (name == "data")
    {
        return Data();
    }
    if (name == "rst")
    {
        return Rst();
    }
    if (name == "any")
    {
        return Any();
    }
    ok = false;
    return Any();
}

bool
LifecycleTcpSegmentMatch::Matches(uint8_t flags, uint32_t payloadBytes) const
{
    if ((flags & flagsMask) != flagsValue)
    {
        return false;
    }
    if (payload == 0 && payloadBytes != 0)
    {
        return false;
    }
    if (payload == 1 && payloadBytes == 0)
    {
        return false;
    }
    return true;
}

namespace
{
uint32_t
ReadU32(const uint8_t* b)
{
    return (static_cast<uint32_t>(b[0]) << 24) | (static_cast<uint32_t>(b[1]) << 16)
           | (static_cast<uint32_t>(b[2]) << 8) | b[3];
}

uint16_t
ReadU16(const uint8_t* b)
{
    return static_cast<uint16_t>((b[0] << 8) | b[1]);
}
} // namespace

bool
LifecycleTcpPeekSegment(Ptr<const Packet> p, LifecycleTcpPeekedSegment& out)
{
    uint8_t raw[128];
    uint32_t n = p->CopyData(raw, sizeof(raw));
    uint32_t ip = 0;
    if (n >= 2 && raw[0] == 0x00 && raw[1] == 0x21)
    {
        ip = 2; // PPP, protocol IPv4
    }
    else if (n >= 14 && raw[12] == 0x08 && raw[13] == 0x00)
    {
        ip = 14; // Ethernet II, type IPv4
    }
    if (n < ip + 20 || (raw[ip] >> 4) != 4 || raw[ip + 9] != 6)
    {
        return false;
    }
    uint32_t ihl = static_cast<uint32_t>(raw[ip] & 0x0f) * 4;
    uint32_t total = ReadU16(raw + ip + 2);
    uint32_t tcp = ip + ihl;
    if (ihl < 20 || n < tcp + 20)
    {
        return false;
    }
    uint32_t doff = static_cast<uint32_t>(raw[tcp + 12] >> 4) * 4;
    out.source = ReadU32(raw + ip + 12);
    out.destination = ReadU32(raw + ip + 16);
    out.sourcePort = ReadU16(raw + tcp);
    out.destinationPort = ReadU16(raw + tcp + 2);
    out.seq = ReadU32(raw + tcp + 4);
    out.ack = ReadU32(raw + tcp + 8);
    out.flags = raw[tcp + 13];
    out.window = ReadU16(raw + tcp + 14);
    out.payloadBytes = total > ihl + doff ? total - ihl - doff : 0;
    return true;
}

TypeId
LifecycleTcpSegmentErrorModel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LifecycleTcpSegmentErrorModel")
                            .SetParent<ErrorModel>()
                            .SetGroupName("TcpLifecycle")
                            .AddConstructor<LifecycleTcpSegmentErrorModel>();
    return tid;
}

void
LifecycleTcpSegmentErrorModel::Drop(LifecycleTcpSegmentMatch match, uint32_t n)
{
    DropRange(match, n, 1);
}

void
LifecycleTcpSegmentErrorModel::DropRange(LifecycleTcpSegmentMatch match,
                                         uint32_t first,
                                         uint32_t count)
{
    Rule rule;
    rule.match = match;
    for (uint32_t i = 0; i < count; ++i)
    {
        rule.occurrences.insert(first + i);
    }
    m_rules.push_back(rule);
}

void
LifecycleTcpSegmentErrorModel::DropContaining(uint32_t seq, uint32_t n)
{
    Rule rule;
    rule.bySequence = true;
    rule.sequence = seq;
    rule.occurrences.insert(n);
    m_rules.push_back(rule);
}

void
LifecycleTcpSegmentErrorModel::DropAcking(uint32_t ack, uint32_t n)
{
    Rule rule;
    rule.byAck = true;
    rule.sequence = ack;
    rule.occurrences.insert(n);
    m_rules.push_back(rule);
}

void
LifecycleTcpSegmentErrorModel::SetNext(Ptr<ErrorModel> next)
{
    m_next = next;
}

uint32_t
LifecycleTcpSegmentErrorModel::GetDropCount() const
{
    return m_drops;
}

bool
LifecycleTcpSegmentErrorModel::DoCorrupt(Ptr<Packet> p)
{
    LifecycleTcpPeekedSegment seg;
    if (!LifecycleTcpPeekSegment(p, seg))
    {
        return m_next && m_next->IsCorrupt(p);
    }
    bool drop = false;
    uint32_t segLen = seg.payloadBytes + ((seg.flags & TcpHeader::SYN) ? 1 : 0)
                      + ((seg.flags & TcpHeader::FIN) ? 1 : 0);
    for (auto& rule : m_rules)
    {
        bool pureAck = seg.flags == TcpHeader::ACK && seg.payloadBytes == 0;
        bool matches = rule.bySequence ? rule.sequence - seg.seq < segLen // wrap-safe
                       : rule.byAck    ? pureAck && seg.ack == rule.sequence
                                       : rule.match.Matches(seg.flags, seg.payloadBytes);
        if (matches)
        {
            ++rule.seen;
            if (rule.occurrences.count(rule.seen))
            {
                drop = true;
            }
        }
    }
    if (drop)
    {
        ++m_drops;
        NS_LOG_INFO("dropping segment " << TcpHeader::FlagsToString(seg.flags) << " seq " << seg.seq
                                        << " len " << seg.payloadBytes);
        return true;
    }
    return m_next && m_next->IsCorrupt(p);
}

void
LifecycleTcpSegmentErrorModel::DoReset()
{
    for (auto& rule : m_rules)
    {
        rule.seen = 0;
    }
    m_drops = 0;
}

} // namespace ns3
