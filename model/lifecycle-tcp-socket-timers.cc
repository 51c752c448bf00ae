/*
 * tcp-lifecycle: timeouts (RFC 9293 3.10.8).
 *
 * RETRANSMISSION TIMEOUT resends the SYN, the SYN,ACK, or the data and FIN
 * from SND.UNA, backing off exponentially (RFC 6298 (5.5)); when ConnCount or
 * DataRetries is used up, the application is told and the connection goes to
 * CLOSED. TIME-WAIT TIMEOUT ends TIME_WAIT after 2*MSL.
 */
#include "lifecycle-tcp-l4-protocol.h"
#include "lifecycle-tcp-socket.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LifecycleTcpSocketTimers");

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
    m_rtxTimer.Start(CurrentRto());
}

void
LifecycleTcpSocket::StopTimers()
{
    m_rtxTimer.Cancel();
    m_timeWaitTimer.Cancel();
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
    ++m_stats.rtoExpirations;
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
    uint32_t flight = static_cast<uint32_t>(m_snd.max - m_snd.una);
    m_cc->OnRetransmissionTimeout(m_ccState, flight, m_backoff == 0);
    UpdateCongestionTraces();
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
    m_txBuffer.Clear();
    m_timeWaitTimer.Start(2 * m_msl);
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
