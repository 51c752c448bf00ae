/*
 * tcp-lifecycle: per-connection metrics -- the files.
 *
 * connections.csv, transitions.csv and retransmissions.csv are written as
 * the run goes, under temporary names (".connections.csv.tmp" ...) in the
 * output folder; summary.json is computed at the end. Commit() renames the
 * four, so each file is either complete or absent: a run that fails or
 * crashes leaves only temporaries, which the next collection removes.
 * Times are seconds with nanosecond resolution ("1.020074000"); a missing
 * value is an empty CSV field and null in JSON.
 */
#include "lifecycle-tcp-metrics-format.h"
#include "lifecycle-tcp-metrics.h"
#include "lifecycle-tcp-native-observer.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <cerrno>
#include <charconv>
#include <cinttypes>
#include <cstring>
#include <filesystem>

namespace ns3
{

using namespace lifecycle_metrics_format;

NS_LOG_COMPONENT_DEFINE("LifecycleTcpMetricsOutput");

namespace
{

/// The files, by final name: the five streams (series.csv and segments.csv
/// only when switched on), then summary.json.
const char* const kFiles[] = {"connections.csv",
                              "transitions.csv",
                              "retransmissions.csv",
                              "series.csv",
                              "segments.csv",
                              "summary.json"};
constexpr int kStreams = 5; //!< files written as the run goes

/// Header lines of the streams (connections.csv's is built: ConnectionsHeader).
const char* const kHeaders[] = {
    nullptr,
    "time,connection,node,stack,from,to,cause\n",
    "time,connection,node,stack,kind,seq,relative_seq,length,rto,backoff\n",
    "time,connection,node,stack,cwnd,ssthresh,srtt,rto\n",
    "time,connection,node,stack,direction,flags,seq,ack,length,window,relative_seq,relative_ack,"
    "retransmission\n"};

/// \return the temporary name of \p file in \p dir
std::string
Temporary(const std::string& dir, const std::string& file)
{
    return (std::filesystem::path(dir) / ("." + file + ".tmp")).string();
}

/// \return the final name of \p file in \p dir
std::string
Final(const std::string& dir, const std::string& file)
{
    return (std::filesystem::path(dir) / file).string();
}

/// \return "syn_sent" for SYN_SENT
std::string
LowerStateName(uint32_t s)
{
    std::string n = LifecycleTcpStates::Name(static_cast<LifecycleTcpState>(s));
    for (char& c : n)
    {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return n;
}

/// \return "syn_ack" for SYN_ACK
std::string
LowerRetxName(uint32_t k)
{
    std::string n = LifecycleTcpRetxKindName(static_cast<LifecycleTcpRetxKind>(k));
    for (char& c : n)
    {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return n;
}

/// Drop reasons as column suffixes, in LifecycleTcpDropReason order.
const char* const kDropNames[] = {
    "bad_checksum", "out_of_window", "malformed", "no_connection", "invalid", "backlog_full"};
static_assert(sizeof(kDropNames) / sizeof(kDropNames[0]) == LIFECYCLE_TCP_N_DROP_REASONS,
              "a name for each LifecycleTcpDropReason");

/// \return the header line of connections.csv
std::string
ConnectionsHeader()
{
    std::string h = "id,node,stack,local_address,local_port,remote_address,remote_port,"
                    "opener,closer,iss,irs";
    for (uint32_t s = 0; s < LIFECYCLE_TCP_N_STATES; ++s)
    {
        std::string n = LowerStateName(s);
        h += "," + n + "_first," + n + "_entries," + n + "_time";
    }
    h += ",handshake_time,close_time,time_wait_duration,lifetime"
         ",bytes_app_sent,bytes_acked,bytes_app_received,bytes_peer_app_received"
         ",bytes_retransmitted,segments_sent,segments_received";
    for (uint32_t k = 0; k < LIFECYCLE_TCP_N_RETX_KINDS; ++k)
    {
        h += ",retx_" + LowerRetxName(k);
    }
    h += ",retx_total,rto_expirations,max_backoff,rtt_samples,rtt_min,rtt_mean,rtt_max,srtt,rto";
    for (const char* d : kDropNames)
    {
        h += std::string(",drops_") + d;
    }
    h += ",resets_sent,resets_received,end\n";
    return h;
}

/// A distribution as a JSON object of seconds.
std::string
JsonDistribution(const LifecycleTcpDistribution& d, bool full)
{
    std::string o = "{\"count\": ";
    PutInt(o, d.Count());
    if (d.Count() == 0)
    {
        return o + "}";
    }
    auto put = [&](const char* name, int64_t ns)
    {
        o += ", \"";
        o += name;
        o += "\": ";
        PutTime(o, NanoSeconds(ns));
    };
    put("min", d.Min());
    if (full)
    {
        put("p5", d.Quantile(0.05));
        put("p25", d.Quantile(0.25));
    }
    put("median", d.Quantile(0.5));
    if (full)
    {
        put("p75", d.Quantile(0.75));
    }
    put("p95", d.Quantile(0.95));
    if (full)
    {
        put("p99", d.Quantile(0.99));
    }
    put("max", d.Max());
    put("mean", static_cast<int64_t>(d.Mean() + 0.5));
    o += d.IsExact() ? ", \"exact\": true}" : ", \"exact\": false}";
    return o;
}

/// \return \p s as a JSON string
std::string
JsonString(const std::string& s)
{
    std::string o = "\"";
    for (char c : s)
    {
        if (c == '"' || c == '\\')
        {
            o += '\\';
            o += c;
        }
        else if (static_cast<unsigned char>(c) < 0x20)
        {
            char buf[8];
            std::snprintf(buf, sizeof(buf), "\\u%04x", c);
            o += buf;
        }
        else
        {
            o += c;
        }
    }
    return o + "\"";
}

} // namespace

// ---------------------------------------------------------------------------
// Folder and files
// ---------------------------------------------------------------------------

bool
LifecycleTcpMetrics::SetOutputDirectory(const std::string& directory, std::string* error)
{
    NS_LOG_FUNCTION(this << directory);
    auto fail = [&](const std::string& why)
    {
        if (error)
        {
            *error = "cannot write metrics to '" + directory + "': " + why;
        }
        return false;
    };
    if (m_written)
    {
        return fail("this collector has already written its files");
    }
    if (directory.empty())
    {
        return fail("empty folder name");
    }
    std::error_code ec;
    std::filesystem::create_directories(directory, ec);
    if (ec)
    {
        return fail(ec.message());
    }
    if (!std::filesystem::is_directory(directory, ec))
    {
        return fail("not a folder");
    }
    RemoveTemporaries();
    m_directory = directory;
    // Results of an earlier run in the same folder are removed now, so that
    // the folder never mixes two runs.
    for (const char* f : kFiles)
    {
        std::filesystem::remove(Final(directory, f), ec);
    }
    return OpenStreams(error);
}

std::string
LifecycleTcpMetrics::GetOutputDirectory() const
{
    return m_directory;
}

void
LifecycleTcpMetrics::SetRunInfo(const std::string& key, const std::string& value)
{
    for (auto& [k, v] : m_runInfo)
    {
        if (k == key)
        {
            v = value;
            return;
        }
    }
    m_runInfo.emplace_back(key, value);
}

bool
LifecycleTcpMetrics::OpenStreams(std::string* error)
{
    FILE** streams[kStreams] = {
        &m_connections, &m_transitions, &m_retransmissions, &m_series, &m_segments};
    bool on[kStreams] = {true, true, true, m_seriesOn, m_segmentsOn};
    for (int i = 0; i < kStreams; ++i)
    {
        if (!on[i] || *streams[i])
        {
            continue;
        }
        std::string name = Temporary(m_directory, kFiles[i]);
        *streams[i] = std::fopen(name.c_str(), "w");
        if (!*streams[i])
        {
            std::string why = std::strerror(errno);
            RemoveTemporaries();
            if (error)
            {
                *error = "cannot write metrics to '" + m_directory + "': " + name + ": " + why;
            }
            return false;
        }
        std::setvbuf(*streams[i], nullptr, _IOFBF, 1 << 16);
        std::string header = kHeaders[i] ? kHeaders[i] : ConnectionsHeader();
        std::fputs(header.c_str(), *streams[i]);
    }
    return true;
}

void
LifecycleTcpMetrics::RemoveTemporaries()
{
    for (FILE** f : {&m_connections, &m_transitions, &m_retransmissions, &m_series, &m_segments})
    {
        if (*f)
        {
            std::fclose(*f);
            *f = nullptr;
        }
    }
    if (!m_directory.empty())
    {
        std::error_code ec;
        for (const char* f : kFiles)
        {
            std::filesystem::remove(Temporary(m_directory, f), ec);
        }
    }
}

bool
LifecycleTcpMetrics::Commit(std::string* error)
{
    if (m_directory.empty())
    {
        if (error)
        {
            *error = "no output folder was set";
        }
        return false;
    }
    auto fail = [&](const std::string& what)
    {
        RemoveTemporaries();
        if (error)
        {
            *error = "cannot write metrics to '" + m_directory + "': " + what;
        }
        return false;
    };
    bool ok = !m_failed;
    FILE** streams[kStreams] = {
        &m_connections, &m_transitions, &m_retransmissions, &m_series, &m_segments};
    // The three streams always, the two optional ones when on, summary.json.
    bool written[kStreams + 1] = {
        true, true, true, m_series != nullptr, m_segments != nullptr, true};
    for (int i = 0; i < kStreams; ++i)
    {
        FILE*& f = *streams[i];
        if (!written[i])
        {
            continue;
        }
        ok = ok && f && !std::ferror(f);
        if (f && std::fclose(f) != 0)
        {
            ok = false;
        }
        f = nullptr;
    }
    if (!ok)
    {
        return fail("a write failed (disk full?)");
    }
    if (!WriteSummary(error))
    {
        return fail("summary.json could not be written");
    }
    for (int i = 0; i <= kStreams; ++i)
    {
        if (!written[i])
        {
            continue;
        }
        const char* f = kFiles[i];
        std::error_code ec;
        std::filesystem::rename(Temporary(m_directory, f), Final(m_directory, f), ec);
        if (ec)
        {
            return fail(std::string(f) + ": " + ec.message());
        }
    }
    NS_LOG_INFO("metrics written to " << m_directory);
    return true;
}

// ---------------------------------------------------------------------------
// The streams
// ---------------------------------------------------------------------------

void
LifecycleTcpMetrics::WriteTransition(const LifecycleTcpConnectionRecord& r,
                                     LifecycleTcpState from,
                                     LifecycleTcpState to,
                                     const std::string& cause)
{
    if (!m_transitions)
    {
        return;
    }
    std::string line;
    line.reserve(96);
    PutTime(line, Simulator::Now());
    line += ',';
    PutInt(line, r.id);
    line += ',';
    PutInt(line, r.node);
    line += ',' + r.stack + ',';
    line += LifecycleTcpStates::Name(from);
    line += ',';
    line += LifecycleTcpStates::Name(to);
    line += ',';
    line += cause;
    line += '\n';
    if (std::fwrite(line.data(), 1, line.size(), m_transitions) != line.size())
    {
        m_failed = true;
    }
}

void
LifecycleTcpMetrics::WriteRetransmission(const LifecycleTcpConnectionRecord& r,
                                         LifecycleTcpRetxKind kind,
                                         SequenceNumber32 seq,
                                         uint32_t length,
                                         Time rto,
                                         uint32_t backoff)
{
    if (!m_retransmissions)
    {
        return;
    }
    std::string line;
    line.reserve(96);
    PutTime(line, Simulator::Now());
    line += ',';
    PutInt(line, r.id);
    line += ',';
    PutInt(line, r.node);
    line += ',' + r.stack + ',';
    line += LifecycleTcpRetxKindName(kind);
    line += ',';
    PutInt(line, seq.GetValue());
    line += ',';
    // Relative to the ISS once it is known (this model knows it from the
    // SYN; the native observer from the first SYN it saw).
    std::optional<uint32_t> iss = r.iss;
    if (iss)
    {
        PutInt(line, static_cast<uint32_t>(seq.GetValue() - *iss));
    }
    line += ',';
    PutInt(line, length);
    line += ',';
    if (rto.IsStrictlyPositive())
    {
        PutTime(line, rto);
    }
    line += ',';
    PutInt(line, backoff);
    line += '\n';
    if (std::fwrite(line.data(), 1, line.size(), m_retransmissions) != line.size())
    {
        m_failed = true;
    }
}

void
LifecycleTcpMetrics::WriteConnection(const std::string& row)
{
    if (!m_connections || row.empty())
    {
        return;
    }
    if (std::fwrite(row.data(), 1, row.size(), m_connections) != row.size())
    {
        m_failed = true;
    }
}

std::string
LifecycleTcpMetrics::FormatConnection(const LifecycleTcpConnectionRecord& r, size_t* peerField)
{
    if (!r.IsWorthWriting())
    {
        return ""; // a socket that never left CLOSED is not a connection
    }
    Time end = Simulator::Now();
    std::string o;
    o.reserve(640);
    PutInt(o, r.id);
    o += ',';
    PutInt(o, r.node);
    o += ',' + r.stack + ',';
    PutAddress(o, r.localAddress);
    o += ',';
    PutInt(o, r.localPort);
    o += ',';
    PutAddress(o, r.remoteAddress);
    o += ',';
    PutInt(o, r.remotePort);
    o += ',' + LifecycleTcpOpenerName(r.opener) + ',' + LifecycleTcpCloserName(r.closer) + ',';
    PutOpt(o, r.iss);
    o += ',';
    PutOpt(o, r.irs);
    for (const LifecycleTcpStateTime& s : r.states)
    {
        o += ',';
        PutOpt(o, s.firstEntry);
        o += ',';
        PutInt(o, s.entries);
        o += ',';
        PutTime(o, s.total);
    }
    for (const std::optional<Time>& t :
         {r.HandshakeTime(), r.CloseTime(), r.TimeWaitTime(), r.Lifetime(end)})
    {
        o += ',';
        PutOpt(o, t);
    }
    for (const std::optional<uint64_t>* v : {&r.bytesAppSent,
                                             &r.bytesAcked,
                                             &r.bytesAppReceived,
                                             &r.bytesPeerAppReceived,
                                             &r.bytesRetransmitted,
                                             &r.segmentsSent,
                                             &r.segmentsReceived})
    {
        o += ',';
        if (v == &r.bytesPeerAppReceived && peerField)
        {
            *peerField = o.size(); // filled in when the peer ends
            continue;
        }
        PutOpt(o, *v);
    }
    for (uint32_t n : r.retransmissions)
    {
        o += ',';
        PutInt(o, n);
    }
    o += ',';
    PutInt(o, r.TotalRetransmissions());
    o += ',';
    PutInt(o, r.rtoExpirations);
    o += ',';
    PutInt(o, r.maxBackoff);
    o += ',';
    PutOpt(o, r.rttSamples);
    for (const std::optional<Time>* t : {&r.rttMin, &r.rttMean, &r.rttMax, &r.srtt, &r.rto})
    {
        o += ',';
        PutOpt(o, *t);
    }
    for (const auto& d : r.drops)
    {
        o += ',';
        PutOpt(o, d);
    }
    o += ',';
    PutOpt(o, r.resetsSent);
    o += ',';
    PutOpt(o, r.resetsReceived);
    o += ',' + LifecycleTcpEndName(r.end) + '\n';
    return o;
}

// ---------------------------------------------------------------------------
// The summary
// ---------------------------------------------------------------------------

void
LifecycleTcpMetrics::Summarize(const LifecycleTcpConnectionRecord& r)
{
    if (!r.IsWorthWriting())
    {
        return;
    }
    for (const std::string& key : {std::string("*"), r.stack})
    {
        std::unique_ptr<Summary>& slot = m_summaries[key];
        if (!slot)
        {
            slot = std::make_unique<Summary>();
        }
        Summary& s = *slot;
        if (r.IsConnection())
        {
            ++s.connections;
            ++s.ends[LifecycleTcpEndName(r.end)];
            if (auto t = r.HandshakeTime())
            {
                s.handshake.Add(t->GetNanoSeconds());
            }
            if (auto t = r.CloseTime())
            {
                s.close.Add(t->GetNanoSeconds());
            }
            if (auto t = r.TimeWaitTime())
            {
                s.timeWait.Add(t->GetNanoSeconds());
            }
            if (auto t = r.Lifetime(Simulator::Now()))
            {
                s.lifetime.Add(t->GetNanoSeconds());
            }
        }
        else
        {
            ++s.listeners;
        }
        for (uint32_t st = 0; st < LIFECYCLE_TCP_N_STATES; ++st)
        {
            // A forked connection starts as a copy of its listener, in
            // LISTEN for no time: that wait was the listener's.
            if (st == TcpSocket::LISTEN && r.opener == LifecycleTcpOpener::PASSIVE)
            {
                continue;
            }
            if (r.states[st].entries > 0)
            {
                s.stateTimes[st].Add(r.states[st].total.GetNanoSeconds());
            }
        }
        for (uint32_t k = 0; k < LIFECYCLE_TCP_N_RETX_KINDS; ++k)
        {
            s.retransmissions[k] += r.retransmissions[k];
        }
        s.rtoExpirations += r.rtoExpirations;
    }
}

bool
LifecycleTcpMetrics::WriteSummary(std::string* error)
{
    std::string name = Temporary(m_directory, "summary.json");
    FILE* f = std::fopen(name.c_str(), "w");
    if (!f)
    {
        if (error)
        {
            *error = name + ": " + std::strerror(errno);
        }
        return false;
    }
    auto body = [&](const Summary& s, const std::string& indent)
    {
        std::string o;
        o += indent + "\"connections\": ";
        PutInt(o, s.connections);
        o += ",\n" + indent + "\"listeners\": ";
        PutInt(o, s.listeners);
        o += ",\n" + indent + "\"ended\": {";
        bool first = true;
        for (const auto& [end, n] : s.ends)
        {
            o += first ? "" : ", ";
            first = false;
            o += JsonString(end) + ": ";
            PutInt(o, n);
        }
        o += "},\n" + indent + "\"states\": {\n";
        for (uint32_t st = 0; st < LIFECYCLE_TCP_N_STATES; ++st)
        {
            o += indent + "  "
                 + JsonString(LifecycleTcpStates::Name(static_cast<LifecycleTcpState>(st))) + ": "
                 + JsonDistribution(s.stateTimes[st], false);
            o += st + 1 < LIFECYCLE_TCP_N_STATES ? ",\n" : "\n";
        }
        o += indent + "},\n";
        o += indent + "\"handshake_time\": " + JsonDistribution(s.handshake, true) + ",\n";
        o += indent + "\"close_time\": " + JsonDistribution(s.close, true) + ",\n";
        o += indent + "\"time_wait_duration\": " + JsonDistribution(s.timeWait, true) + ",\n";
        o += indent + "\"lifetime\": " + JsonDistribution(s.lifetime, true) + ",\n";
        o += indent + "\"retransmissions\": {";
        uint64_t total = 0;
        for (uint32_t k = 0; k < LIFECYCLE_TCP_N_RETX_KINDS; ++k)
        {
            o += JsonString(LifecycleTcpRetxKindName(static_cast<LifecycleTcpRetxKind>(k))) + ": ";
            PutInt(o, s.retransmissions[k]);
            o += ", ";
            total += s.retransmissions[k];
        }
        o += "\"total\": ";
        PutInt(o, total);
        o += "},\n" + indent + "\"rto_expirations\": ";
        PutInt(o, s.rtoExpirations);
        return o;
    };

    Summary empty;
    auto all = m_summaries.find("*");
    const Summary& everything = all == m_summaries.end() ? empty : *all->second;
    std::string o = "{\n  \"format\": \"tcp-lifecycle summary 1\",\n  \"simulated_time\": ";
    PutTime(o, Simulator::Now());
    o += ",\n  \"stacks\": [";
    bool first = true;
    for (const auto& [stack, s] : m_summaries)
    {
        if (stack != "*")
        {
            o += (first ? "" : ", ") + JsonString(stack);
            first = false;
        }
    }
    o += "],\n";
    if (!m_runInfo.empty())
    {
        o += "  \"run\": {";
        for (size_t i = 0; i < m_runInfo.size(); ++i)
        {
            o += (i ? ", " : "") + JsonString(m_runInfo[i].first) + ": "
                 + JsonString(m_runInfo[i].second);
        }
        o += "},\n";
    }
    o += body(everything, "  ");
    o += ",\n  \"nodes\": [\n";
    first = true;
    for (const auto& [id, n] : m_nodes)
    {
        o += first ? "" : ",\n";
        first = false;
        o += "    {\"node\": ";
        PutInt(o, id);
        o += ", \"stack\": " + JsonString(n.stack) + ", \"peak\": {";
        for (uint32_t st = 1; st < LIFECYCLE_TCP_N_STATES; ++st)
        {
            o += JsonString(LifecycleTcpStates::Name(static_cast<LifecycleTcpState>(st)))
                 + ": {\"count\": ";
            PutInt(o, n.peak[st]);
            o += ", \"at\": ";
            if (n.peak[st] > 0)
            {
                PutTime(o, n.peakAt[st]);
            }
            else
            {
                o += "null";
            }
            o += st + 1 < LIFECYCLE_TCP_N_STATES ? "}, " : "}";
        }
        o += "}, \"drops\": ";
        if (!n.dropsKnown)
        {
            o += "null";
        }
        else
        {
            o += "{";
            for (size_t d = 0; d < n.drops.size(); ++d)
            {
                o += JsonString(kDropNames[d]) + ": ";
                PutInt(o, n.drops[d]);
                o += d + 1 < n.drops.size() ? ", " : "";
            }
            o += "}";
        }
        o += "}";
    }
    o += "\n  ]";
    if (m_summaries.size() > 2)
    {
        o += ",\n  \"by_stack\": {\n";
        first = true;
        for (const auto& [stack, s] : m_summaries)
        {
            if (stack == "*")
            {
                continue;
            }
            o += first ? "" : ",\n";
            first = false;
            o += "    " + JsonString(stack) + ": {\n" + body(*s, "      ") + "\n    }";
        }
        o += "\n  }";
    }
    if (m_summaries.count("ns3"))
    {
        o += ",\n  \"missing\": {\"ns3\": [";
        const auto& missing = LifecycleTcpNativeObserver::MissingColumns();
        for (size_t i = 0; i < missing.size(); ++i)
        {
            o += (i ? ", " : "") + JsonString(missing[i]);
        }
        o += "]}";
    }
    o += "\n}\n";
    bool ok = std::fwrite(o.data(), 1, o.size(), f) == o.size();
    ok = std::fclose(f) == 0 && ok;
    if (!ok && error)
    {
        *error = name + ": write failed";
    }
    return ok;
}

} // namespace ns3
