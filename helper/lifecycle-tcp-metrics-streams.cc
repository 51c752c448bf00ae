/*
 * tcp-lifecycle: per-connection metrics -- the optional event streams.
 *
 * series.csv (attribute Series): a row whenever a connection's congestion
 * window, slow start threshold, smoothed RTT or RTO changes, with all four
 * as they are then -- the data of a cwnd/RTO plot.
 *
 * segments.csv (attribute Segments): a row for every segment a connection
 * sends or receives, with sequence and acknowledgment numbers relative to
 * each side's initial sequence number, the advertised window scaled
 * (RFC 7323 section 2.3: not in a SYN), and whether a segment sent covers
 * sequence space already sent -- the data of a tcptrace-style time-sequence
 * graph.
 *
 * Both are written as the run goes, like transitions.csv; what they need to
 * remember of a connection lives in its open entry and goes with it.
 */
#include "lifecycle-tcp-metrics-format.h"
#include "lifecycle-tcp-metrics.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/tcp-header.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LifecycleTcpMetricsStreams");

using namespace lifecycle_metrics_format;

namespace
{
/// An ssthresh this large means "no threshold yet" (both stacks start at 2^32-1).
constexpr uint32_t kNoThreshold = 0x7fffffff;

/// Append the line and flag a failed write.
void
Append(FILE* f, const std::string& line, bool& failed)
{
    if (std::fwrite(line.data(), 1, line.size(), f) != line.size())
    {
        failed = true;
    }
}
} // namespace

bool
LifecycleTcpMetrics::SeriesEnabled() const
{
    return m_seriesOn;
}

bool
LifecycleTcpMetrics::SegmentsEnabled() const
{
    return m_segmentsOn;
}

void
LifecycleTcpMetrics::SetSeries(bool on)
{
    m_seriesOn = on;
    if (on && !m_directory.empty() && !m_written)
    {
        OpenStreams(nullptr); // folder set already: open it now
    }
}

void
LifecycleTcpMetrics::SetSegments(bool on)
{
    m_segmentsOn = on;
    if (on && !m_directory.empty() && !m_written)
    {
        OpenStreams(nullptr);
    }
}

bool
LifecycleTcpMetrics::GetSeries() const
{
    return m_seriesOn;
}

bool
LifecycleTcpMetrics::GetSegments() const
{
    return m_segmentsOn;
}

LifecycleTcpMetrics::StreamState*
LifecycleTcpMetrics::StreamsOf(const LifecycleTcpConnectionRecord& r)
{
    auto it = m_open.find(r.id);
    if (it == m_open.end() || it->second->finished)
    {
        return nullptr;
    }
    std::unique_ptr<StreamState>& s = it->second->streams;
    if (!s)
    {
        s = std::make_unique<StreamState>();
    }
    return s.get();
}

void
LifecycleTcpMetrics::RecordSeries(LifecycleTcpConnectionRecord& r,
                                  LifecycleTcpSeriesField field,
                                  uint64_t value)
{
    if (m_written || !m_series)
    {
        return;
    }
    StreamState* s = StreamsOf(r);
    if (!s)
    {
        return;
    }
    switch (field)
    {
        case LifecycleTcpSeriesField::CWND:
            s->cwnd = static_cast<uint32_t>(value);
            break;
        case LifecycleTcpSeriesField::SSTHRESH:
            s->ssthresh = value >= kNoThreshold
                              ? std::nullopt
                              : std::optional<uint32_t>(static_cast<uint32_t>(value));
            break;
        case LifecycleTcpSeriesField::SRTT:
            s->srtt = NanoSeconds(static_cast<int64_t>(value));
            break;
        case LifecycleTcpSeriesField::RTO:
            s->rto = NanoSeconds(static_cast<int64_t>(value));
            break;
    }
    // One row per visible change: a trace that repeats a value, or one of
    // two sources reporting the same change, adds nothing.
    auto now = std::make_tuple(s->cwnd, s->ssthresh, s->srtt, s->rto);
    if (now == s->written || (!s->cwnd && !s->ssthresh && !s->srtt && !s->rto))
    {
        return;
    }
    s->written = now;
    std::string line;
    line.reserve(80);
    PutTime(line, Simulator::Now());
    line += ',';
    PutInt(line, r.id);
    line += ',';
    PutInt(line, r.node);
    line += ',' + r.stack + ',';
    PutOpt(line, s->cwnd);
    line += ',';
    PutOpt(line, s->ssthresh);
    line += ',';
    PutOpt(line, s->srtt);
    line += ',';
    PutOpt(line, s->rto);
    line += '\n';
    Append(m_series, line, m_failed);
}

void
LifecycleTcpMetrics::RecordSegment(LifecycleTcpConnectionRecord& r,
                                   bool sent,
                                   const TcpHeader& h,
                                   uint32_t length,
                                   uint8_t windowShift)
{
    if (m_written || !m_segments)
    {
        return;
    }
    StreamState* s = StreamsOf(r);
    if (!s)
    {
        return;
    }
    uint8_t flags = h.GetFlags();
    bool syn = flags & TcpHeader::SYN;
    bool ack = flags & TcpHeader::ACK;
    uint32_t seq = h.GetSequenceNumber().GetValue();
    uint32_t ackNo = h.GetAckNumber().GetValue();
    // The bases: a SYN carries its side's initial sequence number; a SYN,ACK
    // also tells the other side's (its ACK is that ISN plus one), which is
    // how a passive connection, whose SYN reached its listener, learns it.
    std::optional<uint32_t>& mine = sent ? s->iss : s->irs;
    std::optional<uint32_t>& theirs = sent ? s->irs : s->iss;
    if (syn && !mine)
    {
        mine = seq;
    }
    if (syn && ack && !theirs)
    {
        theirs = ackNo - 1;
    }
    bool retransmission = false;
    if (sent && !(flags & TcpHeader::RST))
    {
        uint32_t space = length + (syn ? 1 : 0) + ((flags & TcpHeader::FIN) ? 1 : 0);
        SequenceNumber32 begin(seq);
        if (space > 0 && s->sndMax && begin < SequenceNumber32(*s->sndMax))
        {
            retransmission = true;
        }
        SequenceNumber32 end = begin + SequenceNumber32(space);
        if (space > 0 && (!s->sndMax || end > SequenceNumber32(*s->sndMax)))
        {
            s->sndMax = end.GetValue();
        }
    }

    std::string line;
    line.reserve(120);
    PutTime(line, Simulator::Now());
    line += ',';
    PutInt(line, r.id);
    line += ',';
    PutInt(line, r.node);
    line += ',' + r.stack + (sent ? ",tx," : ",rx,");
    line += TcpHeader::FlagsToString(flags);
    line += ',';
    PutInt(line, seq);
    line += ',';
    if (ack)
    {
        PutInt(line, ackNo);
    }
    line += ',';
    PutInt(line, length);
    line += ',';
    // RFC 7323 section 2.3: the window field of a SYN is never scaled.
    PutInt(line, static_cast<uint64_t>(h.GetWindowSize()) << (syn ? 0 : windowShift));
    line += ',';
    if (mine)
    {
        PutInt(line, seq - *mine);
    }
    line += ',';
    if (ack && theirs)
    {
        PutInt(line, ackNo - *theirs);
    }
    line += ',';
    if (sent)
    {
        line += retransmission ? '1' : '0';
    }
    line += '\n';
    Append(m_segments, line, m_failed);
}

} // namespace ns3
