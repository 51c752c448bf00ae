/*
 * tcp-lifecycle: loss recovery.
 *
 * Fast retransmit on the third duplicate ACK and fast recovery (RFC 5681
 * 3.2), with NewReno's handling of partial acknowledgments (RFC 6582 3.2).
 * How much cwnd and ssthresh change is the congestion control's business
 * (LifecycleTcpCongestionOps::GetSsThresh); when to resend, and the window
 * inflation and deflation of fast recovery, are the same for every algorithm
 * and live here.
 */
#include "lifecycle-tcp-socket.h"

#include "ns3/log.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LifecycleTcpSocketRecovery");

uint32_t
LifecycleTcpSocket::FlightSize() const
{
    return static_cast<uint32_t>(m_snd.max - m_snd.una);
}

void
LifecycleTcpSocket::OnDuplicateAck()
{
    ++m_dupAcks;
    if (m_inRecovery)
    {
        // RFC 5681 3.2 (4): each further duplicate ACK means a segment has
        // left the network: inflate cwnd by one SMSS (new data may follow).
        m_ccState.cwnd += m_ccState.smss;
        UpdateCongestionTraces();
        return;
    }
    // RFC 6582 3.2 (2): on the third duplicate ACK, fast retransmit only if
    // the cumulative ACK covers more than "recover" -- not for the duplicates
    // that resent data draws after a timeout.
    if (m_dupAcks != 3 || !(m_snd.una > m_recover))
    {
        return;
    }
    uint32_t flight = FlightSize();
    m_ccState.ssthresh = m_cc->GetSsThresh(m_ccState, flight); // RFC 5681 (4)
    m_recover = m_snd.max;
    m_inRecovery = true;
    m_firstPartialAck = true;
    NS_LOG_INFO(this << " fast retransmit at " << m_snd.una << ", flight " << flight
                     << ", ssthresh " << m_ccState.ssthresh);
    RetransmitFirstSegment(LifecycleTcpRetxKind::DATA_FAST);
    // RFC 5681 3.2 (3): cwnd = ssthresh + 3*SMSS, for the three segments
    // that left the network.
    m_ccState.cwnd = m_ccState.ssthresh + 3 * m_ccState.smss;
    UpdateCongestionTraces();
}

void
LifecycleTcpSocket::OnRecoveryAck(SequenceNumber32 ack, uint32_t ackedOctets)
{
    m_dupAcks = 0;
    if (ack >= m_recover)
    {
        // RFC 6582 3.2 (3): a full acknowledgment ends fast recovery:
        // cwnd = min(ssthresh, max(FlightSize, SMSS) + SMSS).
        m_ccState.cwnd =
            std::min(m_ccState.ssthresh, std::max(FlightSize(), m_ccState.smss) + m_ccState.smss);
        m_ccState.bytesAckedCa = 0;
        m_inRecovery = false;
        UpdateCongestionTraces();
        return;
    }
    // RFC 6582 3.2 (5): a partial acknowledgment: the next hole is lost too.
    // Resend it, deflate cwnd by what was acknowledged, add back one SMSS if
    // at least that much was acknowledged.
    RetransmitFirstSegment(LifecycleTcpRetxKind::DATA_FAST);
    m_ccState.cwnd = m_ccState.cwnd > ackedOctets ? m_ccState.cwnd - ackedOctets : 0;
    if (ackedOctets >= m_ccState.smss)
    {
        m_ccState.cwnd += m_ccState.smss;
    }
    m_ccState.cwnd = std::max(m_ccState.cwnd, m_ccState.smss);
    m_firstPartialAck = false;
    UpdateCongestionTraces();
}

void
LifecycleTcpSocket::RetransmitFirstSegment(LifecycleTcpRetxKind dataKind)
{
    SequenceNumber32 seq = m_snd.una;
    SequenceNumber32 dataEnd = m_txBuffer.TailSequence();
    uint32_t inBuffer = dataEnd > seq ? static_cast<uint32_t>(dataEnd - seq) : 0;
    uint32_t sent = static_cast<uint32_t>(m_snd.max - seq);
    uint32_t len = std::min({inBuffer, sent, m_snd.mss});
    bool fin = m_finQueued && m_finSeq < m_snd.max && seq + len == m_finSeq;
    if (len == 0 && !fin)
    {
        return;
    }
    uint8_t flags = TcpHeader::ACK;
    if (fin)
    {
        flags |= TcpHeader::FIN;
    }
    if (len > 0 && seq + len == dataEnd)
    {
        flags |= TcpHeader::PSH;
    }
    RecordRetransmission(fin ? LifecycleTcpRetxKind::FIN : dataKind, seq, len);
    m_rttTiming = false; // Karn: nothing resent gives a sample
    SendSegment(seq, flags, len > 0 ? m_txBuffer.Copy(seq, len) : Create<Packet>());
}

void
LifecycleTcpSocket::ResetRecovery()
{
    // RFC 6582 3.2: after a timeout, "recover" becomes the highest sequence
    // number sent, so the duplicates the resent data draws do not start a
    // fast retransmit.
    m_inRecovery = false;
    m_dupAcks = 0;
    m_recover = m_snd.max;
}

} // namespace ns3
