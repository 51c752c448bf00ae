/*
 * tcp-lifecycle: building and sending segments.
 *
 * SendPending() is the one output routine: called after user calls, after an
 * arriving segment has been processed, and after timeouts, it sends what the
 * state, the send window, the congestion window and the queues allow, and
 * carries any ACK owed to the peer on the first segment that goes anyway.
 */
#include "lifecycle-tcp-l4-protocol.h"
#include "lifecycle-tcp-socket.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LifecycleTcpSocketOutput");

namespace States = LifecycleTcpStates;

void
LifecycleTcpSocket::SendPending()
{
    if (!States::In(m_state, States::SYNCHRONIZED) || m_state == TIME_WAIT)
    {
        // CLOSED, LISTEN: nothing. SYN_SENT, SYN_RCVD: only the SYN or SYN,ACK,
        // which SendSyn() sends; text waits for ESTABLISHED (3.10.2).
        // TIME_WAIT: only ACKs, sent where they are owed.
        if (m_ackOwed && m_state == TIME_WAIT)
        {
            SendAckNow();
        }
        return;
    }
    bool sentSomething = false;
    while (true)
    {
        SequenceNumber32 dataEnd = m_txBuffer.TailSequence();
        // D: queued, not yet sent. U: the usable window, SND.UNA + SND.WND -
        // SND.NXT, here also bounded by cwnd; never negative, even when the
        // peer shrank its window (MUST-34): then no new data goes (SHLD-15).
        uint32_t queued = dataEnd > m_snd.nxt ? static_cast<uint32_t>(dataEnd - m_snd.nxt) : 0;
        uint32_t window = std::min(m_snd.wnd, m_ccState.cwnd);
        SequenceNumber32 windowEnd = m_snd.una + window;
        uint32_t usable = windowEnd > m_snd.nxt ? static_cast<uint32_t>(windowEnd - m_snd.nxt) : 0;
        uint32_t len = std::min({queued, usable, m_snd.mss});
        // The FIN goes with the last byte before it, or alone once all data is sent.
        bool fin = m_finQueued && m_snd.nxt <= m_finSeq && m_snd.nxt + len == m_finSeq;
        if (len == 0 && !fin)
        {
            break;
        }
        if (len > 0 && len < m_snd.mss && !MaySendShort(len, queued))
        {
            break; // silly-window avoidance or Nagle holds it back
        }
        uint8_t flags = TcpHeader::ACK;
        if (fin)
        {
            flags |= TcpHeader::FIN;
        }
        if (len > 0 && m_snd.nxt + len == dataEnd)
        {
            flags |= TcpHeader::PSH; // the last segment of what was sent (MUST-61)
        }
        bool retransmission = m_snd.nxt < m_snd.max;
        if (retransmission)
        {
            RecordRetransmission(
                fin ? LifecycleTcpRetxKind::FIN : LifecycleTcpRetxKind::DATA_RTO, m_snd.nxt, len);
        }
        else if (fin && m_stats.firstFinAt == Time::Max())
        {
            m_stats.firstFinAt = Simulator::Now();
        }
        Ptr<Packet> payload = len > 0 ? m_txBuffer.Copy(m_snd.nxt, len) : Create<Packet>();
        SequenceNumber32 seq = m_snd.nxt;
        uint32_t segLen = len + (fin ? 1 : 0);
        if (!retransmission && !m_rttTiming && !m_tsOn)
        {
            // Without timestamps, time one segment at a time for an RTT sample
            // (RFC 6298 (3), Karn's algorithm MUST-18).
            m_rttTiming = true;
            m_rttSeq = seq + segLen;
            m_rttSentAt = Simulator::Now();
        }
        m_snd.nxt = seq + segLen;
        if (m_snd.nxt > m_snd.max)
        {
            m_snd.max = m_snd.nxt;
        }
        SendSegment(seq, flags, payload);
        if (!retransmission && len > 0)
        {
            NotifyDataSent(len);
        }
        // RFC 6298 (5.1): start the timer when a segment with data is sent
        // and it is not running.
        if (!m_rtxTimer.IsRunning())
        {
            StartRetransmissionTimer();
        }
        sentSomething = true;
        if (fin || m_state == CLOSED)
        {
            break;
        }
    }
    StartPersistTimerIfNeeded();
    if (!sentSomething && m_ackOwed)
    {
        SendAckNow();
    }
}

bool
LifecycleTcpSocket::MaySendShort(uint32_t len, uint32_t queued) const
{
    // RFC 9293 3.8.6.2.1 (MUST-38): a segment shorter than Eff.snd.MSS goes
    // only if (2) all queued data fits in it, or (3) it is at least half of
    // the largest window the peer ever offered -- and, with the Nagle
    // algorithm (3.7.4, the bracketed "SND.NXT = SND.UNA"), only when nothing
    // is outstanding. TcpNoDelay turns Nagle off (MUST-17). (4), the override
    // timeout, is the persist timer.
    bool allQueued = len == queued;
    bool halfMaxWindow = m_snd.maxWnd > 0 && len >= m_snd.maxWnd / 2;
    bool nothingOutstanding = m_snd.nxt == m_snd.una;
    return (allQueued || halfMaxWindow) && (m_noDelay || nothingOutstanding);
}

void
LifecycleTcpSocket::SendSegment(SequenceNumber32 seq, uint8_t flags, Ptr<Packet> payload)
{
    TcpHeader h;
    h.SetSourcePort(m_tuple.localPort);
    h.SetDestinationPort(m_tuple.remotePort);
    h.SetSequenceNumber(seq);
    if (flags & TcpHeader::ACK)
    {
        // Any segment with an ACK acknowledges all that arrived: nothing
        // more is owed (the delayed ACK, if pending, is this one).
        h.SetAckNumber(m_rcv.nxt);
        m_ackOwed = false;
        m_unackedSegments = 0;
        m_delAckTimer.Stop();
        m_lastAckSent = m_rcv.nxt;
    }
    h.SetFlags(flags);
    AddOptions(h, flags);
    if (flags & TcpHeader::SYN)
    {
        // The window of a SYN is never scaled (RFC 7323 2.2).
        uint32_t free = m_rxBuffer.FreeSpace();
        uint16_t wnd = static_cast<uint16_t>(std::min<uint32_t>(free, 65535));
        m_rcv.advertisedEdge = m_rcv.nxt + wnd;
        m_rcv.wnd = wnd;
        h.SetWindowSize(wnd);
    }
    else if (flags & TcpHeader::RST)
    {
        h.SetWindowSize(0);
    }
    else
    {
        h.SetWindowSize(AdvertisedWindow());
    }
    ++m_stats.segmentsSent;
    if (flags & TcpHeader::RST)
    {
        ++m_stats.resetsSent;
    }
    m_txTrace(payload, h, this);
    m_tcp->SendSegment(
        payload, h, m_tuple.localAddress, m_tuple.remoteAddress, m_boundnetdevice, &m_route);
}

uint16_t
LifecycleTcpSocket::AdvertisedWindow()
{
    // The right edge RCV.NXT + RCV.WND moves right only by at least
    // min(RCV.BUFF / 2, MSS) (receiver SWS avoidance, RFC 9293 3.8.6.2.2,
    // MUST-39) and never moves left (SHLD-14, "the total of RCV.NXT and RCV.WND
    // should not be reduced").
    uint32_t free = m_rxBuffer.FreeSpace();
    SequenceNumber32 edge = m_rcv.nxt + free;
    uint32_t threshold = std::min(m_rxBuffer.GetCapacity() / 2, m_segmentSize);
    if (edge <= m_rcv.advertisedEdge
        || static_cast<uint32_t>(edge - m_rcv.advertisedEdge) < threshold)
    {
        edge = std::max(m_rcv.advertisedEdge, m_rcv.nxt);
    }
    uint32_t wnd = static_cast<uint32_t>(edge - m_rcv.nxt);
    uint32_t field = std::min<uint32_t>(wnd >> m_rcv.windShift, 65535);
    wnd = field << m_rcv.windShift;
    if (m_rcv.nxt + wnd > m_rcv.advertisedEdge)
    {
        m_rcv.advertisedEdge = m_rcv.nxt + wnd;
    }
    m_rcv.wnd = wnd;
    return static_cast<uint16_t>(field);
}

void
LifecycleTcpSocket::SendAckNow()
{
    if (m_state == SYN_RCVD)
    {
        // An ACK from SYN_RCVD must still carry our unacknowledged SYN.
        SendSyn();
        return;
    }
    if (m_state == SYN_SENT || m_state == CLOSED || m_state == LISTEN)
    {
        return;
    }
    SendSegment(m_snd.nxt, TcpHeader::ACK, Create<Packet>());
}

void
LifecycleTcpSocket::SendSyn()
{
    ++m_synTransmissions;
    uint8_t flags = TcpHeader::SYN;
    if (m_state == SYN_RCVD)
    {
        flags |= TcpHeader::ACK;
    }
    if (m_synTransmissions > 1)
    {
        RecordRetransmission(m_state == SYN_RCVD ? LifecycleTcpRetxKind::SYN_ACK
                                                 : LifecycleTcpRetxKind::SYN,
                             m_snd.iss,
                             0);
        m_rttTiming = false; // Karn: a resent SYN gives no sample
    }
    else
    {
        if (m_state == SYN_SENT)
        {
            m_stats.firstSynAt = Simulator::Now();
        }
        // The handshake's round trip is the first RTT sample (RFC 6298 (2.2));
        // with timestamps it comes from the echo instead.
        m_rttTiming = true;
        m_rttSeq = m_snd.iss + 1;
        m_rttSentAt = Simulator::Now();
    }
    if (m_snd.nxt < m_snd.iss + 1)
    {
        m_snd.nxt = m_snd.iss + 1; // SYN occupies one sequence number
    }
    if (m_snd.max < m_snd.nxt)
    {
        m_snd.max = m_snd.nxt;
    }
    SendSegment(m_snd.iss, flags, Create<Packet>());
    StartRetransmissionTimer();
}

void
LifecycleTcpSocket::SendReset(SequenceNumber32 seq, SequenceNumber32 ack, bool withAck)
{
    TcpHeader h;
    h.SetSourcePort(m_tuple.localPort);
    h.SetDestinationPort(m_tuple.remotePort);
    h.SetSequenceNumber(seq);
    uint8_t flags = TcpHeader::RST;
    if (withAck)
    {
        flags |= TcpHeader::ACK;
        h.SetAckNumber(ack);
    }
    h.SetFlags(flags);
    h.SetWindowSize(0);
    ++m_stats.segmentsSent;
    ++m_stats.resetsSent;
    Ptr<Packet> empty = Create<Packet>();
    m_txTrace(empty, h, this);
    m_tcp->SendSegment(empty, h, m_tuple.localAddress, m_tuple.remoteAddress, m_boundnetdevice);
}

void
LifecycleTcpSocket::RecordRetransmission(LifecycleTcpRetxKind kind,
                                         SequenceNumber32 seq,
                                         uint32_t length)
{
    ++m_stats.retransmissions[static_cast<size_t>(kind)];
    if (m_timestampsEnabled && kind != LifecycleTcpRetxKind::WINDOW_PROBE)
    {
        m_retxTs = TsNow(); // echoes older than this give no RTT sample
        m_retxTsValid = true;
    }
    if (kind != LifecycleTcpRetxKind::WINDOW_PROBE)
    {
        m_stats.bytesRetransmitted += length; // a probe's octet is new data
    }
    m_retransmissionTrace(LifecycleTcpRetransmission{kind, seq, length, CurrentRto(), m_backoff});
}

} // namespace ns3
