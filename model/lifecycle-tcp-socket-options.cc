/*
 * tcp-lifecycle: TCP options.
 *
 * MSS (RFC 9293 3.7.1) on every SYN; window scale and timestamps (RFC 7323)
 * offered on a SYN and used when both sides offered them, each switchable by
 * attribute; SACK is not implemented and declined cleanly: SACK-permitted is
 * never offered, so a peer never sends SACK blocks (a SACK-permitted option
 * from the peer is read and ignored). Unknown options are skipped (MUST-6);
 * option lengths were checked before parsing (lifecycle-tcp-segment.cc).
 */
#include "lifecycle-tcp-l4-protocol.h"
#include "lifecycle-tcp-socket.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/tcp-option-rfc793.h"
#include "ns3/tcp-option-ts.h"
#include "ns3/tcp-option-winscale.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LifecycleTcpSocketOptions");

namespace
{
/// Bytes the timestamps option takes in a segment, with its two NOPs of padding.
constexpr uint32_t TS_OPTION_BYTES = 12;
/// RFC 7323 5.5: TS.Recent older than 24 days is no longer valid for PAWS.
const Time PAWS_IDLE = Days(24);
} // namespace

uint8_t
LifecycleTcpSocket::OfferedWindowShift() const
{
    // RFC 7323 2.3: the smallest shift that lets the receive buffer be
    // advertised, at most 14.
    uint8_t shift = 0;
    while (shift < 14 && (m_rcvBufSize >> shift) > 65535)
    {
        ++shift;
    }
    return shift;
}

uint32_t
LifecycleTcpSocket::TsNow() const
{
    // A 1 ms timestamp clock (RFC 7323 5.4 asks for 1 ms to 1 s per tick),
    // offset per connection (RFC 7323 7.1).
    return static_cast<uint32_t>(Simulator::Now().GetMilliSeconds()) + m_tsOffset;
}

void
LifecycleTcpSocket::AddOptions(TcpHeader& h, uint8_t flags)
{
    if (flags & TcpHeader::SYN)
    {
        bool synAck = flags & TcpHeader::ACK;
        // MSS: the largest segment text we can receive (MUST-14; SHLD-5, MAY-3).
        Ptr<TcpOptionMSS> mss = Create<TcpOptionMSS>();
        uint32_t receiveMss = std::min<uint32_t>(m_segmentSize, m_mms > 40 ? m_mms - 20 : 536);
        mss->SetMSS(static_cast<uint16_t>(std::min<uint32_t>(receiveMss, 65535)));
        h.AppendOption(mss);
        // Window scale: offered in a SYN; in a SYN,ACK only if the SYN had it
        // (RFC 7323 2.2).
        if (m_winScaleEnabled && (!synAck || m_wsOn))
        {
            Ptr<TcpOptionWinScale> ws = Create<TcpOptionWinScale>();
            ws->SetScale(OfferedWindowShift());
            h.AppendOption(ws);
        }
        // Timestamps: likewise (RFC 7323 3.2).
        if (m_timestampsEnabled && (!synAck || m_tsOn))
        {
            Ptr<TcpOptionTS> ts = Create<TcpOptionTS>();
            ts->SetTimestamp(TsNow());
            ts->SetEcho(synAck ? m_tsRecent : 0);
            h.AppendOption(ts);
        }
        return;
    }
    // Once negotiated, TSopt goes in every segment but a RST (RFC 7323 3.2).
    if (m_tsOn && !(flags & TcpHeader::RST))
    {
        // Create<>, not CreateObject<>: options have no attributes, and the
        // ObjectFactory machinery would cost more than the rest of the segment.
        Ptr<TcpOptionTS> ts = Create<TcpOptionTS>();
        ts->SetTimestamp(TsNow());
        ts->SetEcho(m_tsRecent);
        h.AppendOption(ts);
    }
}

void
LifecycleTcpSocket::ProcessSynOptions(const TcpHeader& h)
{
    // RFC 9293 3.7.1: with no MSS option the send MSS is 536 (MUST-15).
    uint32_t peerMss = 536;
    if (h.HasOption(TcpOption::MSS))
    {
        auto mss = DynamicCast<const TcpOptionMSS>(h.GetOption(TcpOption::MSS));
        if (mss && mss->GetMSS() > 0)
        {
            peerMss = mss->GetMSS();
        }
    }
    // RFC 7323 2.2: window scaling is used only when both SYNs carried it.
    if (m_winScaleEnabled && h.HasOption(TcpOption::WINSCALE))
    {
        auto ws = DynamicCast<const TcpOptionWinScale>(h.GetOption(TcpOption::WINSCALE));
        uint8_t peerShift = ws->GetScale();
        if (peerShift > 14)
        {
            // RFC 7323 2.3: use 14 instead, and log it.
            NS_LOG_WARN(this << " peer's window scale " << +peerShift << " reduced to 14");
            peerShift = 14;
        }
        m_wsOn = true;
        m_snd.windShift = peerShift;
        m_rcv.windShift = OfferedWindowShift();
    }
    else
    {
        m_wsOn = false;
        m_snd.windShift = 0;
        m_rcv.windShift = 0;
    }
    // RFC 7323 3.2: timestamps likewise; the SYN's TSval starts TS.Recent.
    if (m_timestampsEnabled && h.HasOption(TcpOption::TS))
    {
        auto ts = DynamicCast<const TcpOptionTS>(h.GetOption(TcpOption::TS));
        m_tsOn = true;
        m_tsRecent = ts->GetTimestamp();
        m_tsRecentStamp = Simulator::Now();
    }
    else
    {
        m_tsOn = false;
    }
    UpdateEffectiveMss(peerMss);
}

void
LifecycleTcpSocket::UpdateEffectiveMss(uint32_t peerMss)
{
    // MUST-16: Eff.snd.MSS = min(SendMSS + 20, MMS_S) - TCPhdrsize - IPoptionsize,
    // TCPhdrsize counting the options every segment carries; never more than
    // our own SegmentSize.
    uint32_t mms = m_mms > 40 ? m_mms : 576;
    uint32_t options = m_tsOn ? TS_OPTION_BYTES : 0;
    uint32_t fromPath = std::min(peerMss + 20, mms) - 20;
    fromPath = fromPath > options ? fromPath - options : 1;
    m_snd.mss = std::max<uint32_t>(1, std::min(m_segmentSize, fromPath));
}

bool
LifecycleTcpSocket::PawsRejects(const TcpHeader& h) const
{
    // RFC 7323 5.3, R1: a segment whose TSval is older than TS.Recent is an
    // old duplicate -- unless it is a RST, or TS.Recent has gone stale (5.5).
    if (!m_tsOn || (h.GetFlags() & TcpHeader::RST) || !h.HasOption(TcpOption::TS))
    {
        return false;
    }
    if (Simulator::Now() - m_tsRecentStamp > PAWS_IDLE)
    {
        return false;
    }
    auto ts = DynamicCast<const TcpOptionTS>(h.GetOption(TcpOption::TS));
    return static_cast<int32_t>(ts->GetTimestamp() - m_tsRecent) < 0;
}

void
LifecycleTcpSocket::UpdateTsRecent(const TcpHeader& h, SequenceNumber32 seq)
{
    // RFC 7323 4.3, R3: SEG.TSval >= TS.Recent and SEG.SEQ =< Last.ACK.sent.
    if (!m_tsOn || !h.HasOption(TcpOption::TS))
    {
        return;
    }
    auto ts = DynamicCast<const TcpOptionTS>(h.GetOption(TcpOption::TS));
    if (static_cast<int32_t>(ts->GetTimestamp() - m_tsRecent) >= 0 && seq <= m_lastAckSent)
    {
        m_tsRecent = ts->GetTimestamp();
        m_tsRecentStamp = Simulator::Now();
    }
}

void
LifecycleTcpSocket::SampleRttFromTimestamp(const TcpHeader& h)
{
    // RFC 7323 4.1: the echoed TSecr tells when the acknowledged segment left.
    if (!h.HasOption(TcpOption::TS))
    {
        return;
    }
    auto ts = DynamicCast<const TcpOptionTS>(h.GetOption(TcpOption::TS));
    if (ts->GetEcho() == 0)
    {
        return;
    }
    if (m_retxTsValid && static_cast<int32_t>(ts->GetEcho() - m_retxTs) < 0)
    {
        // Karn's principle for timestamps: an echo older than our last
        // retransmission may be that of the original, answered by a copy the
        // peer had already (its ACK was lost); the "RTT" would include the
        // whole timeout. No sample from it.
        return;
    }
    uint32_t elapsed = TsNow() - ts->GetEcho();
    if (elapsed > 0x7fffffff)
    {
        return; // an echo from the future: ignore
    }
    TakeRttSample(MilliSeconds(elapsed));
}

void
LifecycleTcpSocket::TakeRttSample(Time sample)
{
    NS_LOG_LOGIC(this << " RTT sample " << sample.As(Time::MS) << ", RTO now "
                      << m_rtt.GetRto().As(Time::MS));
    m_rtt.Sample(sample);
    m_srttTrace = m_rtt.GetSrtt();
    ++m_stats.rttSamples;
    m_stats.rttSum += sample;
    m_stats.rttMin = std::min(m_stats.rttMin, sample);
    m_stats.rttMax = std::max(m_stats.rttMax, sample);
}

} // namespace ns3
