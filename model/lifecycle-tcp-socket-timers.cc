/*
 * tcp-lifecycle: timeouts (RFC 9293 3.10.8).
 *
 * RETRANSMISSION TIMEOUT resends the SYN, the SYN,ACK, or the data and FIN
 * from SND.UNA, backing off exponentially (RFC 6298 (5.5)); when ConnCount or
 * DataRetries is used up, the application is told and the connection goes to
 * CLOSED. The persist timer probes a zero window and overrides the sender's
 * silly-window avoidance; the delayed-ACK timer bounds how long an ACK
 * waits. TIME-WAIT TIMEOUT ends TIME_WAIT after 2*MSL.
 */
#include "lifecycle-tcp-l4-protocol.h"
#include "lifecycle-tcp-socket.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LifecycleTcpSocketTimers");

namespace States = LifecycleTcpStates;

Time
LifecycleTcpSocket::CurrentRto() const
{
    if (m_snd.una == m_snd.iss && (m_state == SYN_SENT || m_state == SYN_RCVD))
    {
        // The SYN and SYN,ACK start from ConnTimeout, doubling per retry.
        Time rto = m_connTimeout;
        for (uint32_t i = 0; i < m_backoff && rto < m_maxRto; ++i)
        {
            rto = rto * 2;
        }
        return std::min(rto, m_maxRto);
    }
    return m_rtt.GetBackedOffRto(m_backoff);
}

void
LifecycleTcpSocket::StartRetransmissionTimer()
{
    Time rto = CurrentRto();
    m_rtoTrace = rto; // the RTO in force: what the timer runs with
    m_rtxTimer.Start(rto);
}

void
LifecycleTcpSocket::StopTimers()
{
    m_rtxTimer.Cancel();
    m_timeWaitTimer.Cancel();
    m_persistTimer.Cancel();
    m_delAckTimer.Cancel();
}

void
LifecycleTcpSocket::OnRetransmissionTimeout()
{
    Ptr<LifecycleTcpSocket> self(this);
    LifecycleTcpCause cause = LifecycleTcpCause::FromTimer(LifecycleTcpCause::TIMER_RETRANSMISSION);
    NS_LOG_FUNCTION(this << LifecycleTcpStates::Name(m_state) << m_backoff);
    switch (m_state)
    {
        case SYN_SENT:
        case SYN_RCVD:
            ++m_stats.rtoExpirations;
            if (m_synTransmissions >= m_synRetries)
            {
                // ConnCount SYNs (or SYN,ACKs) went unanswered: give up.
                NS_LOG_INFO(this << " connection attempt timed out after " << m_synTransmissions
                                 << " SYNs");
                m_errno = ERROR_NOTCONN;
                bool passiveChild = m_passiveOpen;
                EnterClosed(cause, LifecycleTcpEnd::TIMED_OUT, true);
                if (!passiveChild)
                {
                    NotifyConnectionFailed();
                }
                return;
            }
            ++m_backoff;
            m_stats.maxBackoff = std::max(m_stats.maxBackoff, m_backoff);
            m_route = nullptr;
            SendSyn();
            return;
        case CLOSED:
        case LISTEN:
        case TIME_WAIT:
            return;
        default:
            break;
    }
    if (m_snd.una == m_snd.max)
    {
        return; // nothing outstanding
    }
    if (m_snd.nxt == m_snd.una && m_snd.wnd == 0)
    {
        // Only a window probe is out: the peer keeps a zero window, and as
        // long as it answers the probes the connection stays open (MUST-37).
        StartPersistTimerIfNeeded();
        return;
    }
    ++m_stats.rtoExpirations;
    m_route = nullptr; // perhaps the path changed: look the route up again
    if (m_backoff >= m_dataRetries)
    {
        // DataRetries retransmissions went unanswered: abort (RFC 9293 3.8.3,
        // R2) and tell the application.
        NS_LOG_INFO(this << " giving up after " << m_backoff << " retransmissions");
        m_errno = ERROR_NOTCONN;
        EnterClosed(cause, LifecycleTcpEnd::TIMED_OUT, true);
        NotifyAborted();
        return;
    }
    // ssthresh falls once per loss episode (RFC 5681 (4)): not again for a
    // backed-off timeout, nor for a timeout that interrupts a fast recovery
    // whose ssthresh already answered this loss -- its FlightSize, inflated
    // by the recovery, would overshoot again (Linux's tcp_enter_loss keeps it
    // too).
    uint32_t flight = FlightSize();
    m_cc->OnRetransmissionTimeout(m_ccState, flight, m_backoff == 0 && !m_inRecovery);
    UpdateCongestionTraces();
    ResetRecovery();
    // RFC 6298 (5.5): back off the timer; (5.4): retransmit the earliest
    // unacknowledged segment; Karn: no RTT sample from what is resent.
    ++m_backoff;
    m_stats.maxBackoff = std::max(m_stats.maxBackoff, m_backoff);
    m_rttTiming = false;
    m_snd.nxt = m_snd.una;
    SendPending();
    // (5.6): restart the timer with the backed-off RTO.
    StartRetransmissionTimer();
}

void
LifecycleTcpSocket::EnterTimeWait(LifecycleTcpCause cause)
{
    SetState(TIME_WAIT, cause);
    // "Start the time-wait timer, turn off the other timers" (3.10.7.4,
    // eighth step); what was queued for sending is all acknowledged.
    m_rtxTimer.Stop();
    m_persistTimer.Stop();
    m_delAckTimer.Stop();
    m_txBuffer.Clear();
    m_timeWaitTimer.Start(2 * m_msl);
}

void
LifecycleTcpSocket::StartPersistTimerIfNeeded()
{
    // Data waits, nothing is outstanding whose ACK could open the window:
    // only the persist timer will get things moving again.
    bool waiting = m_txBuffer.TailSequence() > m_snd.nxt;
    if (!waiting || m_snd.nxt != m_snd.una || m_persistTimer.IsRunning()
        || !States::In(m_state, States::SYNCHRONIZED))
    {
        return;
    }
    // The first probe after one RTO (SHLD-29) -- or PersistTimeout if that is
    // shorter -- then exponentially longer (SHLD-30), up to MaxRto.
    Time interval = std::min(m_rtt.GetRto(), m_persistTimeout);
    for (uint32_t i = 0; i < m_persistBackoff && interval < m_maxRto; ++i)
    {
        interval = interval * 2;
    }
    m_persistTimer.Start(std::min(interval, m_maxRto));
}

void
LifecycleTcpSocket::OnPersistTimeout()
{
    Ptr<LifecycleTcpSocket> self(this);
    if (!States::In(m_state, States::SYNCHRONIZED) || m_state == TIME_WAIT
        || m_snd.nxt != m_snd.una)
    {
        return;
    }
    SequenceNumber32 dataEnd = m_txBuffer.TailSequence();
    if (dataEnd <= m_snd.nxt)
    {
        return;
    }
    uint32_t queued = static_cast<uint32_t>(dataEnd - m_snd.nxt);
    if (m_snd.wnd == 0)
    {
        // Zero-window probe (RFC 9293 3.8.6.1, MUST-35, MUST-36): one octet
        // of new data beyond the window. SND.NXT and SND.MAX stay: the octet
        // is sent as data when the window opens -- unless the peer took it,
        // and its ACK covers it (m_probeEnd lets such an ACK through).
        SequenceNumber32 seq = m_snd.nxt;
        RecordRetransmission(LifecycleTcpRetxKind::WINDOW_PROBE, seq, 1);
        m_probeEnd = seq + 1;
        SendSegment(
            seq, TcpHeader::ACK | (queued == 1 ? TcpHeader::PSH : 0), m_txBuffer.Copy(seq, 1));
        ++m_persistBackoff;
        StartPersistTimerIfNeeded();
        return;
    }
    // The override timeout of sender silly-window avoidance (3.8.6.2.1 (4)):
    // send what the window allows, small as it is.
    uint32_t usable = static_cast<uint32_t>(m_snd.una + m_snd.wnd - m_snd.nxt);
    uint32_t len = std::min({queued, usable, m_snd.mss});
    SequenceNumber32 seq = m_snd.nxt;
    m_snd.nxt = seq + len;
    if (m_snd.nxt > m_snd.max)
    {
        m_snd.max = m_snd.nxt;
    }
    SendSegment(
        seq, TcpHeader::ACK | (len == queued ? TcpHeader::PSH : 0), m_txBuffer.Copy(seq, len));
    NotifyDataSent(len);
    m_persistBackoff = 0;
    StartRetransmissionTimer();
}

void
LifecycleTcpSocket::OnDelayedAckTimeout()
{
    Ptr<LifecycleTcpSocket> self(this);
    if (States::In(m_state, States::SYNCHRONIZED))
    {
        SendAckNow();
    }
}

void
LifecycleTcpSocket::OnTimeWaitTimeout()
{
    Ptr<LifecycleTcpSocket> self(this);
    // (TIME_WAIT, timeout = 2MSL) -> CLOSED, delete the TCB.
    EnterClosed(LifecycleTcpCause::FromTimer(LifecycleTcpCause::TIMER_TIME_WAIT),
                LifecycleTcpEnd::CLOSED_NORMALLY,
                false);
}

} // namespace ns3
