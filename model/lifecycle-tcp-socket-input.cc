/*
 * tcp-lifecycle: SEGMENT ARRIVES (RFC 9293 3.10.7).
 *
 * Each arriving segment is processed as the RFC orders it: LISTEN (3.10.7.2),
 * SYN-SENT (3.10.7.3), and for the other states the eight steps of 3.10.7.4
 * (sequence number, RST, security, SYN, ACK, URG, text, FIN). Every
 * transition is a (state, event) case with the rule it comes from. Whatever
 * the processing owes the peer (an ACK, data, a FIN) goes out once at the end,
 * aggregated into as few segments as possible (MUST-58, MUST-59).
 */
#include "lifecycle-tcp-l4-protocol.h"
#include "lifecycle-tcp-segment.h"
#include "lifecycle-tcp-socket.h"

#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/tcp-option-rfc793.h"
#include "ns3/tcp-option.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LifecycleTcpSocketInput");

namespace States = LifecycleTcpStates;

LifecycleTcpSocket::ArrivingSegment::ArrivingSegment(LifecycleTcpSocket* s,
                                                     Ptr<Packet> payload,
                                                     const TcpHeader& h)
    : m_socket(s)
    , m_previousPayload(s->m_arrivingPayload)
    , m_previousHeader(s->m_arrivingHeader)
{
    s->m_arrivingPayload = payload;
    s->m_arrivingHeader = &h;
}

LifecycleTcpSocket::ArrivingSegment::~ArrivingSegment()
{
    m_socket->m_arrivingPayload = m_previousPayload;
    m_socket->m_arrivingHeader = m_previousHeader;
}

void
LifecycleTcpSocket::ReceiveSegment(Ptr<Packet> payload,
                                   const TcpHeader& h,
                                   Ipv4Address source,
                                   Ipv4Address destination)
{
    Ptr<LifecycleTcpSocket> self(this);
    ++m_stats.segmentsReceived;
    m_rxTrace(payload, h, this);
    ArrivingSegment arriving(this, payload, h); // what CountDrop reports
    switch (m_state)
    {
        case CLOSED:
            // No TCB (RFC 9293 3.10.7.1); not reached through the tables.
            m_tcp->SendResetFor(h, payload->GetSize(), source, destination);
            return;
        case LISTEN:
            ProcessListen(payload, h, source, destination);
            return;
        case SYN_SENT:
            ProcessSynSent(payload, h);
            break;
        default:
            ProcessOtherStates(payload, h);
            break;
    }
    if (m_state != CLOSED && m_state != LISTEN)
    {
        SendPending();
    }
    if (m_sendSpaceFreed)
    {
        m_sendSpaceFreed = false;
        if (!m_shutdownSend && GetTxAvailable() > 0)
        {
            NotifySend(GetTxAvailable());
        }
    }
}

// ---------------------------------------------------------------------------
// RFC 9293 3.10.7.2: LISTEN
// ---------------------------------------------------------------------------

void
LifecycleTcpSocket::ProcessListen(Ptr<Packet> payload,
                                  const TcpHeader& h,
                                  Ipv4Address source,
                                  Ipv4Address destination)
{
    ArrivingSegment arriving(this, payload, h); // also reached from a TIME_WAIT socket
    uint8_t flags = h.GetFlags();
    // First, check for a RST: it cannot be valid here; ignore it.
    if (flags & TcpHeader::RST)
    {
        CountDrop(LifecycleTcpDropReason::INVALID);
        return;
    }
    // Second, check for an ACK: any acknowledgment is bad in LISTEN;
    // answer <SEQ=SEG.ACK><CTL=RST>.
    if (flags & TcpHeader::ACK)
    {
        CountDrop(LifecycleTcpDropReason::INVALID);
        ++m_stats.resetsSent;
        m_tcp->SendResetFor(h, payload->GetSize(), source, destination);
        return;
    }
    // Third, check for a SYN.
    if (flags & TcpHeader::SYN)
    {
        if (SynBacklogFull())
        {
            // Not in 3.10.7.2, which sets no limit: SynBacklog children are
            // already half-open, so the SYN is dropped without an answer, as
            // Linux does without SYN cookies (RFC 9293 7, SYN flooding; RFC
            // 4987). The peer's SYN retransmission tries again. A SYN that
            // ended TIME_WAIT on its way here (ReopenFromTimeWait) is dropped
            // too; so is it on Linux.
            NS_LOG_INFO("SYN backlog full (" << m_synBacklog << "): SYN from " << source << ":"
                                             << h.GetSourcePort() << " dropped");
            CountDrop(LifecycleTcpDropReason::BACKLOG_FULL);
            m_tcp->DroppedBacklogFull(payload, h, source, destination);
            return;
        }
        if (!NotifyConnectionRequest(InetSocketAddress(source, h.GetSourcePort())))
        {
            // The application refused: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>.
            ++m_stats.resetsSent;
            m_tcp->SendResetFor(h, payload->GetSize(), source, destination);
            return;
        }
        Ptr<LifecycleTcpSocket> child =
            Fork(destination, h.GetDestinationPort(), source, h.GetSourcePort());
        if (child)
        {
            child->ProcessSynInListen(h);
        }
        return;
    }
    // Fourth, other text or control: drop.
    CountDrop(LifecycleTcpDropReason::INVALID);
}

void
LifecycleTcpSocket::ProcessSynInListen(const TcpHeader& h)
{
    // (LISTEN, rcv SYN) -> SYN_RCVD, snd SYN,ACK. MUST-11: remember that this
    // connection came from a passive OPEN. Text or FIN on the SYN is not
    // acknowledged and will be sent again by the peer.
    m_passiveOpen = true;
    m_stats.firstSynAt = Simulator::Now();
    Ipv4Address source;
    uint32_t mtu = 576;
    m_tcp->RouteSource(m_tuple.remoteAddress, m_boundnetdevice, source, mtu);
    m_mms = mtu - 20;
    m_hasIssFloor = m_listener && m_listener->m_hasIssFloor;
    m_issFloor = m_listener ? m_listener->m_issFloor : m_issFloor;
    InitializeSend();
    InitializeReceive(h.GetSequenceNumber()); // RCV.NXT <- SEG.SEQ+1, IRS <- SEG.SEQ
    ProcessSynOptions(h);
    SetState(SYN_RCVD, LifecycleTcpCause::Segment(h.GetFlags()));
    SendSyn(); // <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>
}

// ---------------------------------------------------------------------------
// RFC 9293 3.10.7.3: SYN-SENT
// ---------------------------------------------------------------------------

void
LifecycleTcpSocket::ProcessSynSent(Ptr<Packet> payload, const TcpHeader& h)
{
    uint8_t flags = h.GetFlags();
    LifecycleTcpCause cause = LifecycleTcpCause::Segment(flags);
    SequenceNumber32 ack = h.GetAckNumber();
    bool ackAcceptable = false;

    // First, check the ACK bit.
    if (flags & TcpHeader::ACK)
    {
        if (ack <= m_snd.iss || ack > m_snd.nxt)
        {
            // An ACK for something we never sent: an old duplicate (Figure 8,
            // line 5; Figure 9, line 5). <SEQ=SEG.ACK><CTL=RST>, unless RST.
            CountDrop(LifecycleTcpDropReason::INVALID);
            if (!(flags & TcpHeader::RST))
            {
                SendReset(ack, SequenceNumber32(0), false);
            }
            return;
        }
        ackAcceptable = m_snd.una < ack && ack <= m_snd.nxt;
    }

    // Second, check the RST bit.
    if (flags & TcpHeader::RST)
    {
        if (ackAcceptable)
        {
            // (SYN_SENT, rcv RST,ACK) -> CLOSED: "error: connection reset"
            // (refused).
            ++m_stats.resetsReceived;
            m_errno = ERROR_NOTCONN;
            EnterClosed(cause, LifecycleTcpEnd::REFUSED, true);
            NotifyConnectionFailed();
        }
        else
        {
            CountDrop(LifecycleTcpDropReason::INVALID);
        }
        return;
    }

    // Third, the security compartment: not modelled (no IP security options).

    // Fourth, check the SYN bit.
    if (flags & TcpHeader::SYN)
    {
        InitializeReceive(h.GetSequenceNumber()); // RCV.NXT <- SEG.SEQ+1, IRS <- SEG.SEQ
        ProcessSynOptions(h);
        if (flags & TcpHeader::ACK)
        {
            AdvanceUna(ack, h);
        }
        m_snd.wnd = h.GetWindowSize(); // never scaled on a SYN (RFC 7323 2.2)
        m_snd.maxWnd = m_snd.wnd;
        m_snd.wl1 = h.GetSequenceNumber();
        m_snd.wl2 = ack;
        if (m_snd.una > m_snd.iss)
        {
            // (SYN_SENT, rcv SYN,ACK) -> ESTABLISHED, snd ACK.
            m_ackOwed = true;
            OnEstablished(cause);
            if (m_state == ESTABLISHED && (payload->GetSize() > 0 || (flags & TcpHeader::FIN)))
            {
                // Text or FIN with the SYN,ACK: continue at the sixth step.
                SequenceNumber32 seq = h.GetSequenceNumber() + 1;
                if (payload->GetSize() > 0)
                {
                    ProcessText(payload, seq, h);
                }
                if ((flags & TcpHeader::FIN) && seq + payload->GetSize() == m_rcv.nxt)
                {
                    ProcessFin(h);
                }
            }
        }
        else
        {
            // (SYN_SENT, rcv SYN) -> SYN_RCVD, snd SYN,ACK: simultaneous open
            // (Figure 7, MUST-10). The SYN,ACK is a new transmission of our SYN.
            SetState(SYN_RCVD, cause);
            m_synTransmissions = 0;
            m_backoff = 0;
            SendSyn(); // <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>
        }
        return;
    }

    // Fifth, neither SYN nor RST: drop.
    CountDrop(LifecycleTcpDropReason::INVALID);
}

// ---------------------------------------------------------------------------
// RFC 9293 3.10.7.4: the other states
// ---------------------------------------------------------------------------

void
LifecycleTcpSocket::ProcessOtherStates(Ptr<Packet> payload, const TcpHeader& h)
{
    uint8_t flags = h.GetFlags();
    LifecycleTcpCause cause = LifecycleTcpCause::Segment(flags);
    SequenceNumber32 seq = h.GetSequenceNumber();
    bool syn = flags & TcpHeader::SYN;
    bool fin = flags & TcpHeader::FIN;

    if (m_state == TIME_WAIT && syn && ReopenFromTimeWait(payload, h))
    {
        return;
    }

    // RFC 7323 5.3 (R1): PAWS, before the sequence number check: a segment
    // older than TS.Recent is an old duplicate from a wrapped sequence space.
    if (PawsRejects(h))
    {
        CountDrop(LifecycleTcpDropReason::OUT_OF_WINDOW);
        SendAckNow();
        return;
    }

    // First, check the sequence number.
    SequenceNumber32 segEnd = seq + LifecycleTcpSegLen(h, payload->GetSize());
    if (!CheckSequence(payload, h, seq, syn, fin))
    {
        CountDrop(LifecycleTcpDropReason::OUT_OF_WINDOW);
        if (flags & TcpHeader::RST)
        {
            return; // never answer a RST
        }
        if (m_state == TIME_WAIT && (flags & TcpHeader::FIN) && segEnd == m_rcv.nxt)
        {
            // (TIME_WAIT, rcv FIN again): the peer did not get our last ACK.
            // Acknowledge it and restart the 2 MSL timeout (fifth step,
            // TIME-WAIT STATE).
            m_timeWaitTimer.Start(2 * m_msl);
            SendAckNow();
            return;
        }
        // <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>; from SYN_RCVD the ACK must
        // carry our SYN, so the SYN,ACK goes again.
        SendAckNow();
        return;
    }

    // RFC 7323 4.3 (R3): an acceptable segment may update TS.Recent.
    UpdateTsRecent(h, h.GetSequenceNumber());

    // Second, check the RST bit.
    if (flags & TcpHeader::RST)
    {
        ProcessReset(h);
        return;
    }

    // Third, security and compartment: not modelled.

    // Fourth, check the SYN bit (a SYN still in the segment after trimming).
    if (syn)
    {
        if (m_state == SYN_RCVD && m_passiveOpen)
        {
            // (SYN_RCVD, rcv SYN) -> LISTEN: the connection came from a
            // passive OPEN; return it to LISTEN.
            m_stats.end = LifecycleTcpEnd::ABORTED;
            SetState(LISTEN, cause);
            return;
        }
        CountDrop(LifecycleTcpDropReason::INVALID);
        if (m_challengeAck)
        {
            // RFC 5961 4.2: a SYN in a synchronized state draws a challenge ACK.
            SendAckNow();
            return;
        }
        // RFC 793: a SYN in the window is an error: reset, abort.
        m_tcp->SendResetFor(h, payload->GetSize(), m_tuple.remoteAddress, m_tuple.localAddress);
        ++m_stats.resetsSent;
        EnterClosed(cause, LifecycleTcpEnd::RESET_BY_US, true);
        NotifyAborted();
        return;
    }

    // Fifth, check the ACK field.
    if (!(flags & TcpHeader::ACK))
    {
        CountDrop(LifecycleTcpDropReason::INVALID);
        return;
    }
    bool finInOrder = fin && seq == m_rcv.nxt;
    if (!ProcessAck(h, seq, payload->GetSize(), finInOrder))
    {
        return;
    }

    // Sixth, the URG bit: urgent data is delivered inline (the ns-3 socket API
    // has no out-of-band channel); the urgent pointer is not tracked.

    // Seventh, process the segment text.
    if (payload->GetSize() > 0)
    {
        ProcessText(payload, seq, h);
        if (m_state == CLOSED)
        {
            return;
        }
    }

    // Eighth, check the FIN bit.
    if (fin)
    {
        SequenceNumber32 finSeq = seq + payload->GetSize();
        if (finSeq == m_rcv.nxt)
        {
            ProcessFin(h);
        }
        else if (finSeq > m_rcv.nxt)
        {
            // A FIN ahead of missing data: hold it until the gap fills (SHLD-31).
            m_peerFinSeen = true;
            m_peerFinSeq = finSeq;
            m_ackOwed = true;
        }
    }
    else if (m_peerFinSeen && m_peerFinSeq == m_rcv.nxt)
    {
        ProcessFin(h);
    }
}

bool
LifecycleTcpSocket::ReopenFromTimeWait(Ptr<Packet> payload, const TcpHeader& h)
{
    // RFC 9293 3.6.1 (MAY-2): a new SYN may reopen the connection directly
    // from TIME_WAIT if the new ISS is larger than any sequence number the
    // old incarnation used. A SYN at or below RCV.NXT may be an old duplicate
    // and goes through the usual checks instead.
    uint8_t flags = h.GetFlags();
    if (!m_timeWaitReuse || (flags & (TcpHeader::ACK | TcpHeader::RST))
        || h.GetSequenceNumber() <= m_rcv.nxt)
    {
        return false;
    }
    Ptr<LifecycleTcpSocket> listener = m_tcp->FindListener(m_tuple.localAddress, m_tuple.localPort);
    if (!listener)
    {
        return false;
    }
    SequenceNumber32 floor = m_snd.max;
    Ipv4Address remote = m_tuple.remoteAddress;
    Ipv4Address local = m_tuple.localAddress;
    // (TIME_WAIT, rcv SYN) -> CLOSED: the old incarnation ends here...
    EnterClosed(LifecycleTcpCause::Segment(flags), LifecycleTcpEnd::CLOSED_NORMALLY, false);
    // ...and the listener takes the SYN for the new one.
    listener->m_hasIssFloor = true;
    listener->m_issFloor = floor;
    listener->ProcessListen(payload, h, remote, local);
    listener->m_hasIssFloor = false;
    return true;
}

bool
LifecycleTcpSocket::CheckSequence(
    Ptr<Packet>& payload, const TcpHeader& h, SequenceNumber32& seq, bool& syn, bool& fin)
{
    uint32_t len = payload->GetSize();
    uint32_t segLen = len + (syn ? 1 : 0) + (fin ? 1 : 0);
    SequenceNumber32 nxt = m_rcv.nxt;
    uint32_t wnd =
        m_rcv.advertisedEdge > nxt ? static_cast<uint32_t>(m_rcv.advertisedEdge - nxt) : 0;
    SequenceNumber32 end = seq + segLen; // one past the last octet

    // An old duplicate: every octet of it lies before RCV.NXT (Table 6 finds
    // neither end in the window).
    if (segLen > 0 && end <= nxt)
    {
        // Simultaneous open (Figure 7, line 6): in SYN_RCVD reached from
        // SYN_SENT, the peer's SYN,ACK repeats its SYN, which we already
        // have. Trimming that SYN leaves an empty segment at RCV.NXT that
        // carries the ACK of our SYN, and it is processed as such.
        if (m_state == SYN_RCVD && !m_passiveOpen && syn && len == 0 && !fin && seq == m_rcv.irs
            && (h.GetFlags() & TcpHeader::ACK))
        {
            syn = false;
            seq = nxt;
            return true;
        }
        return false;
    }

    // Table 6: Segment Acceptability Tests.
    bool acceptable;
    if (segLen == 0)
    {
        acceptable = (wnd == 0) ? seq == nxt : (nxt <= seq && seq < nxt + wnd);
    }
    else if (wnd == 0)
    {
        // "If the RCV.WND is zero, no segments will be acceptable, but special
        // allowance should be made to accept valid ACKs, URGs, and RSTs": a
        // segment at RCV.NXT (a window probe) keeps its control fields, and
        // its text is trimmed off below.
        acceptable = seq == nxt;
    }
    else
    {
        SequenceNumber32 last = end - 1;
        acceptable = (nxt <= seq && seq < nxt + wnd) || (nxt <= last && last < nxt + wnd)
                     || (seq < nxt && last >= nxt + wnd); // straddles the whole window
    }
    if (!acceptable)
    {
        return false;
    }

    // Trim what lies before RCV.NXT (the SYN first, then text)...
    if (seq < nxt)
    {
        uint32_t cut = static_cast<uint32_t>(nxt - seq);
        if (syn)
        {
            syn = false;
            --cut;
            seq = seq + 1;
        }
        uint32_t textCut = std::min(cut, len);
        if (textCut > 0)
        {
            payload = payload->CreateFragment(textCut, len - textCut);
            len -= textCut;
            seq = seq + textCut;
        }
    }
    // ...and what lies beyond the window (text, then the FIN).
    SequenceNumber32 windowEnd = nxt + wnd;
    if (seq + len > windowEnd)
    {
        uint32_t keep = seq < windowEnd ? static_cast<uint32_t>(windowEnd - seq) : 0;
        payload = payload->CreateFragment(0, keep);
        len = keep;
        fin = false;
        m_ackOwed = true; // tell the sender where the window ends
    }
    return true;
}

void
LifecycleTcpSocket::ProcessReset(const TcpHeader& h)
{
    LifecycleTcpCause cause = LifecycleTcpCause::Segment(h.GetFlags());
    if (m_state == TIME_WAIT && m_rfc1337)
    {
        // RFC 1337 TW-2: no TIME-WAIT assassination.
        CountDrop(LifecycleTcpDropReason::INVALID);
        return;
    }
    if (m_challengeAck && h.GetSequenceNumber() != m_rcv.nxt)
    {
        // RFC 5961 3.2: in the window but not exactly RCV.NXT: challenge ACK.
        CountDrop(LifecycleTcpDropReason::INVALID);
        SendAckNow();
        return;
    }
    ++m_stats.resetsReceived;
    switch (m_state)
    {
        case SYN_RCVD:
            if (m_passiveOpen)
            {
                // (SYN_RCVD, rcv RST) -> LISTEN: a connection from a passive
                // OPEN goes back to LISTEN, the user need not be told (MUST-11,
                // Figure 5 note 1; Figure 8 line 5; Figure 11 line 4).
                m_stats.end = LifecycleTcpEnd::RESET_BY_PEER;
                m_txBuffer.Clear();
                SetState(LISTEN, cause);
            }
            else
            {
                // (SYN_RCVD, rcv RST) -> CLOSED after an active OPEN:
                // "connection refused".
                m_errno = ERROR_NOTCONN;
                EnterClosed(cause, LifecycleTcpEnd::REFUSED, true);
                NotifyConnectionFailed();
            }
            return;
        case ESTABLISHED:
        case FIN_WAIT_1:
        case FIN_WAIT_2:
        case CLOSE_WAIT:
            // (synchronized, rcv RST) -> CLOSED: "connection reset" (MUST-12:
            // the application learns that the connection was aborted).
            EnterClosed(cause, LifecycleTcpEnd::RESET_BY_PEER, true);
            NotifyAborted();
            return;
        case TIME_WAIT:
            // (TIME_WAIT, rcv RST) -> CLOSED: TIME_WAIT ends early (RFC 1337's
            // "TIME-WAIT assassination"); both FINs were acknowledged, so the
            // connection itself closed normally.
            EnterClosed(cause, LifecycleTcpEnd::CLOSED_NORMALLY, true);
            return;
        case CLOSING:
        case LAST_ACK:
        default:
            // (CLOSING | LAST_ACK, rcv RST) -> CLOSED.
            EnterClosed(cause, LifecycleTcpEnd::RESET_BY_PEER, true);
            return;
    }
}

bool
LifecycleTcpSocket::OurFinAcked() const
{
    return m_finQueued && m_snd.una > m_finSeq;
}

bool
LifecycleTcpSocket::ProcessAck(const TcpHeader& h,
                               SequenceNumber32 seq,
                               uint32_t payloadSize,
                               bool finInOrder)
{
    LifecycleTcpCause cause = LifecycleTcpCause::Segment(h.GetFlags());
    SequenceNumber32 ack = h.GetAckNumber();

    if (m_state == SYN_RCVD)
    {
        if (m_snd.una < ack && ack <= m_snd.max)
        {
            // (SYN_RCVD, rcv ACK of SYN) -> ESTABLISHED, with
            // SND.WND <- SEG.WND, SND.WL1 <- SEG.SEQ, SND.WL2 <- SEG.ACK.
            m_snd.wnd = static_cast<uint32_t>(h.GetWindowSize()) << m_snd.windShift;
            m_snd.maxWnd = std::max(m_snd.maxWnd, m_snd.wnd);
            m_snd.wl1 = seq;
            m_snd.wl2 = ack;
            AdvanceUna(ack, h);
            OnEstablished(cause);
            return m_state != CLOSED;
        }
        // Not acceptable: <SEQ=SEG.ACK><CTL=RST>.
        CountDrop(LifecycleTcpDropReason::INVALID);
        SendReset(ack, SequenceNumber32(0), false);
        return false;
    }

    // RFC 5961 5.2 (MAY-12): an ACK older than SND.UNA - MAX.SND.WND is
    // discarded with an ACK back.
    if (m_challengeAck && ack < m_snd.una - m_snd.maxWnd)
    {
        CountDrop(LifecycleTcpDropReason::INVALID);
        SendAckNow();
        return false;
    }
    SequenceNumber32 highestSent = m_snd.max;
    if (m_probeEnd > highestSent && m_snd.nxt == m_snd.una)
    {
        highestSent = m_probeEnd; // a window probe's octet may be acknowledged
    }
    if (ack > highestSent)
    {
        // "If the ACK acks something not yet sent (SEG.ACK > SND.NXT), then
        // send an ACK, drop the segment, and return."
        CountDrop(LifecycleTcpDropReason::INVALID);
        SendAckNow();
        return false;
    }
    // RFC 5681 2: a duplicate ACK acknowledges nothing new, carries no data,
    // no SYN or FIN, leaves the window as it was, while data is outstanding
    // (below SND.NXT: the ACKs of zero-window probes are not duplicates).
    uint32_t segWnd = static_cast<uint32_t>(h.GetWindowSize()) << m_snd.windShift;
    bool duplicate = ack == m_snd.una && m_snd.nxt > m_snd.una && payloadSize == 0
                     && !(h.GetFlags() & (TcpHeader::SYN | TcpHeader::FIN)) && segWnd == m_snd.wnd;
    if (m_snd.una < ack)
    {
        uint32_t acked = static_cast<uint32_t>(ack - m_snd.una);
        bool recovering = m_inRecovery;
        // RFC 6582 3.2 (5): within fast recovery only the first partial ACK
        // restarts the retransmission timer.
        AdvanceUna(ack, h, !recovering || m_firstPartialAck || ack >= m_recover);
        if (recovering)
        {
            OnRecoveryAck(ack, acked);
        }
        else
        {
            m_dupAcks = 0;
            m_cc->OnAck(m_ccState, acked); // slow start or congestion avoidance
            UpdateCongestionTraces();
        }
    }
    else if (duplicate)
    {
        OnDuplicateAck();
    }
    if (m_snd.una <= ack)
    {
        UpdateSendWindow(h, seq);
        if (m_snd.wnd > 0 && m_persistTimer.IsRunning())
        {
            // The window opened: no more probes (RFC 9293 3.8.6.1).
            m_persistTimer.Stop();
            m_persistBackoff = 0;
        }
    }

    switch (m_state)
    {
        case FIN_WAIT_1:
            if (OurFinAcked() && !finInOrder)
            {
                // (FIN_WAIT_1, rcv ACK of FIN) -> FIN_WAIT_2. When the same
                // segment carries the peer's FIN, the eighth step goes
                // straight to TIME_WAIT instead (Figure 5, note 2).
                SetState(FIN_WAIT_2, cause);
            }
            return true;
        case CLOSING:
            if (OurFinAcked())
            {
                // (CLOSING, rcv ACK of FIN) -> TIME_WAIT.
                EnterTimeWait(cause);
                return true;
            }
            return false; // "otherwise, ignore the segment"
        case LAST_ACK:
            if (OurFinAcked())
            {
                // (LAST_ACK, rcv ACK of FIN) -> CLOSED.
                EnterClosed(cause, LifecycleTcpEnd::CLOSED_NORMALLY, false);
            }
            return false;
        case TIME_WAIT:
            return true; // only a FIN can matter here (eighth step)
        default:
            return true; // ESTABLISHED, FIN_WAIT_2, CLOSE_WAIT
    }
}

void
LifecycleTcpSocket::AdvanceUna(SequenceNumber32 ack, const TcpHeader& h, bool restartTimer)
{
    uint32_t freed = m_txBuffer.DiscardUpTo(ack);
    m_stats.bytesAcked += freed;
    if (m_tsOn)
    {
        // RFC 7323 4.1: new data acknowledged, an RTT sample from the echo.
        SampleRttFromTimestamp(h);
    }
    else if (m_rttTiming && ack >= m_rttSeq)
    {
        // Karn's algorithm (MUST-18): only a segment that was never
        // retransmitted gives an RTT sample; RFC 6298 (2.2) and (2.3).
        TakeRttSample(Simulator::Now() - m_rttSentAt);
        m_rttTiming = false;
    }
    m_snd.una = ack;
    if (m_snd.nxt < m_snd.una)
    {
        m_snd.nxt = m_snd.una; // after a go-back, the peer had more than we resent
    }
    if (m_snd.max < m_snd.una)
    {
        m_snd.max = m_snd.una; // the peer took a window probe's octet
    }
    m_backoff = 0;
    // RFC 6298 (5.2): all outstanding data acknowledged: stop the timer;
    // (5.3): new data acknowledged: restart it with the current RTO.
    if (m_snd.una == m_snd.max)
    {
        m_rtxTimer.Stop();
    }
    else if (restartTimer)
    {
        StartRetransmissionTimer();
    }
    if (freed > 0)
    {
        // Told at the end of the segment's processing, never from here: the
        // application's Send() would run SendPending() with congestion state
        // (an inflated recovery cwnd) that this ACK has not yet updated.
        m_sendSpaceFreed = true;
    }
}

void
LifecycleTcpSocket::UpdateSendWindow(const TcpHeader& h, SequenceNumber32 seq)
{
    SequenceNumber32 ack = h.GetAckNumber();
    // "If (SND.WL1 < SEG.SEQ or (SND.WL1 = SEG.SEQ and SND.WL2 =< SEG.ACK)),
    // set SND.WND <- SEG.WND, set SND.WL1 <- SEG.SEQ, and set SND.WL2 <- SEG.ACK."
    if (m_snd.wl1 < seq || (m_snd.wl1 == seq && m_snd.wl2 <= ack))
    {
        m_snd.wnd = static_cast<uint32_t>(h.GetWindowSize()) << m_snd.windShift;
        m_snd.maxWnd = std::max(m_snd.maxWnd, m_snd.wnd);
        m_snd.wl1 = seq;
        m_snd.wl2 = ack;
    }
}

void
LifecycleTcpSocket::ProcessText(Ptr<Packet> payload, SequenceNumber32 seq, const TcpHeader& h)
{
    if (!States::In(m_state, States::RECEIVES_TEXT))
    {
        // CLOSE_WAIT, CLOSING, LAST_ACK, TIME_WAIT: the peer's FIN came before;
        // "ignore the segment text".
        return;
    }
    if (m_appClosed)
    {
        // RFC 9293 3.6.1, SHLD-3: new data after the application's Close()
        // cannot be delivered: reset to show that data was lost.
        NS_LOG_INFO(this << " data after Close(): reset (SHLD-3)");
        SendReset(m_snd.nxt, SequenceNumber32(0), false);
        EnterClosed(LifecycleTcpCause::Segment(h.GetFlags()), LifecycleTcpEnd::RESET_BY_US, true);
        return;
    }
    bool atEdge = seq == m_rcv.nxt && m_rxBuffer.OutOfOrderBytes() == 0;
    uint32_t advanced = m_rxBuffer.Insert(seq, payload);
    m_rcv.nxt = m_rxBuffer.NextSequence();
    // The text is acknowledged: "Send an acknowledgment of the form
    // <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>", piggybacked where possible --
    // at once or a little later.
    ScheduleAck(atEdge && m_rxBuffer.OutOfOrderBytes() == 0);
    if (advanced > 0)
    {
        m_stats.bytesReceived += advanced;
        if (m_shutdownRecv)
        {
            m_rxBuffer.Read(m_rxBuffer.Available()); // the application reads no more
        }
        else
        {
            NotifyDataRecv();
        }
    }
}

void
LifecycleTcpSocket::ScheduleAck(bool inOrder)
{
    if (!inOrder)
    {
        // RFC 5681 4.2: acknowledge at once a segment out of order (a
        // duplicate ACK that drives fast retransmit) or one that fills a gap.
        m_ackOwed = true;
        return;
    }
    // RFC 9293 3.8.6.3: delay the ACK (SHLD-18), but acknowledge at least
    // every second full-sized segment (SHLD-19) -- every DelAckCount
    // segments -- and never wait 0.5 s or more (MUST-40).
    ++m_unackedSegments;
    if (m_unackedSegments >= m_delAckMaxCount)
    {
        m_ackOwed = true;
        return;
    }
    if (!m_delAckTimer.IsRunning())
    {
        m_delAckTimer.Start(std::min(m_delAckTimeout, MilliSeconds(499)));
    }
}

void
LifecycleTcpSocket::ProcessFin(const TcpHeader& h)
{
    LifecycleTcpCause cause = LifecycleTcpCause::Segment(h.GetFlags());
    // Advance RCV.NXT over the FIN and acknowledge it.
    m_rxBuffer.AdvanceOverControl();
    m_rcv.nxt = m_rxBuffer.NextSequence();
    m_peerFinSeen = false;
    m_ackOwed = true;
    if (m_stats.firstFinAt == Time::Max())
    {
        m_stats.firstFinAt = Simulator::Now();
    }
    switch (m_state)
    {
        case SYN_RCVD:
        case ESTABLISHED:
            // (ESTABLISHED, rcv FIN) -> CLOSE_WAIT, snd ACK.
            SetState(CLOSE_WAIT, cause);
            break;
        case FIN_WAIT_1:
            if (OurFinAcked())
            {
                // (FIN_WAIT_1, rcv FIN,ACK of our FIN) -> TIME_WAIT (note 2).
                EnterTimeWait(cause);
            }
            else
            {
                // (FIN_WAIT_1, rcv FIN) -> CLOSING, snd ACK: simultaneous close.
                SetState(CLOSING, cause);
            }
            break;
        case FIN_WAIT_2:
            // (FIN_WAIT_2, rcv FIN) -> TIME_WAIT, snd ACK.
            EnterTimeWait(cause);
            break;
        case TIME_WAIT:
            // Remain; restart the 2 MSL time-wait timeout.
            m_timeWaitTimer.Start(2 * m_msl);
            break;
        default:
            break; // CLOSE_WAIT, CLOSING, LAST_ACK: remain
    }
    // "signal the user 'connection closing'" (MUST-12: a normal close).
    if (!m_closeNotified)
    {
        m_closeNotified = true;
        NotifyNormalClose();
    }
    if (m_state == CLOSE_WAIT && m_shutdownSend && !m_finQueued)
    {
        // The application said beforehand that it will not send (ShutdownSend
        // before the connection existed): close our side now; the FIN goes
        // with the ACK of the peer's FIN.
        DoClose(LifecycleTcpCause::FromApp(LifecycleTcpCause::APP_SHUTDOWN_SEND));
    }
}

} // namespace ns3
