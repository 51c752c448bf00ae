/*
 * tcp-lifecycle: per-connection metrics -- collection.
 *
 * This file keeps the records: it hooks this model's sockets (through the
 * L4 protocol's SocketCreated trace and each socket's Transition and
 * Retransmission traces), starts a LifecycleTcpNativeObserver for nodes with
 * ns-3's native TCP, counts connections per state and node, pairs a record
 * with its peer's, and hands finished records to the output
 * (lifecycle-tcp-metrics-output.cc).
 */
#include "lifecycle-tcp-metrics.h"

#include "lifecycle-tcp-native-observer.h"

#include "ns3/boolean.h"
#include "ns3/lifecycle-tcp-l4-protocol.h"
#include "ns3/lifecycle-tcp-socket.h"
#include "ns3/log.h"
#include "ns3/node-list.h"
#include "ns3/object-vector.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/tcp-header.h"
#include "ns3/tcp-l4-protocol.h"
#include "ns3/tcp-socket-base.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LifecycleTcpMetrics");
NS_OBJECT_ENSURE_REGISTERED(LifecycleTcpMetrics);

TypeId
LifecycleTcpMetrics::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LifecycleTcpMetrics")
            .SetParent<Object>()
            .SetGroupName("TcpLifecycle")
            .AddConstructor<LifecycleTcpMetrics>()
            .AddAttribute("Series",
                          "Also write series.csv: each connection's cwnd, ssthresh, SRTT and "
                          "RTO whenever one changes. Set it before Install.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LifecycleTcpMetrics::SetSeries,
                                              &LifecycleTcpMetrics::GetSeries),
                          MakeBooleanChecker())
            .AddAttribute("Segments",
                          "Also write segments.csv: every segment each connection sends and "
                          "receives (the time-sequence graph's data). Set it before Install.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LifecycleTcpMetrics::SetSegments,
                                              &LifecycleTcpMetrics::GetSegments),
                          MakeBooleanChecker())
            .AddTraceSource("ConnectionRecord",
                            "A connection's record is final (it ended, or the run did); "
                            "fired just before its row is written.",
                            MakeTraceSourceAccessor(&LifecycleTcpMetrics::m_recordTrace),
                            "ns3::LifecycleTcpMetrics::RecordTracedCallback");
    return tid;
}

LifecycleTcpMetrics::LifecycleTcpMetrics()
    : m_self(std::make_shared<LifecycleTcpMetrics*>(this))
{
    NS_LOG_FUNCTION(this);
}

LifecycleTcpMetrics::~LifecycleTcpMetrics()
{
    NS_LOG_FUNCTION(this);
    *m_self = nullptr;
    RemoveTemporaries();
}

void
LifecycleTcpMetrics::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& [node, o] : m_native)
    {
        o->Stop();
    }
    m_native.clear();
    m_open.clear();
    m_byTuple.clear();
    m_installed.clear();
    *m_self = nullptr;
    Object::DoDispose();
}

size_t
LifecycleTcpMetrics::TupleHash::operator()(const TupleKey& k) const
{
    uint64_t h = (static_cast<uint64_t>(k.a) << 32) ^ k.b;
    h ^= (static_cast<uint64_t>(k.pa) << 16 | k.pb) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 29;
    return static_cast<size_t>(h * 0xBF58476D1CE4E5B9ULL);
}

// ---------------------------------------------------------------------------
// Installation
// ---------------------------------------------------------------------------

void
LifecycleTcpMetrics::Install(Ptr<Node> node)
{
    NS_LOG_FUNCTION(this << node->GetId());
    if (std::find(m_installed.begin(), m_installed.end(), node) != m_installed.end())
    {
        return;
    }
    if (Ptr<LifecycleTcpL4Protocol> tcp = node->GetObject<LifecycleTcpL4Protocol>())
    {
        m_installed.push_back(node);
        m_nodes[node->GetId()].stack = "custom";
        std::shared_ptr<LifecycleTcpMetrics*> self = m_self;
        tcp->TraceConnectWithoutContext("SocketCreated",
                                        Callback<void, Ptr<LifecycleTcpSocket>>(
                                            [self](Ptr<LifecycleTcpSocket> s)
                                            {
                                                if (*self)
                                                {
                                                    (*self)->WatchModelSocket(s, false);
                                                }
                                            }));
        uint32_t id = node->GetId();
        tcp->TraceConnectWithoutContext(
            "Drop",
            Callback<void, Ptr<const Packet>, Ipv4Address, Ipv4Address, LifecycleTcpDropReason>(
                [self, id](Ptr<const Packet>, Ipv4Address, Ipv4Address, LifecycleTcpDropReason r)
                {
                    if (*self)
                    {
                        (*self)->CountNodeDrop(id, r);
                    }
                }));
        // Sockets made before collection began are taken in their present state.
        ObjectVectorValue sockets;
        tcp->GetAttribute("SocketList", sockets);
        for (auto it = sockets.Begin(); it != sockets.End(); ++it)
        {
            WatchModelSocket(DynamicCast<LifecycleTcpSocket>(it->second), true);
        }
    }
    else if (node->GetObject<TcpL4Protocol>())
    {
        m_installed.push_back(node);
        NodeCounts& n = m_nodes[node->GetId()];
        n.stack = "ns3";
        n.dropsKnown = false;
        Ptr<LifecycleTcpNativeObserver> observer = CreateObject<LifecycleTcpNativeObserver>();
        observer->Start(this, node);
        m_native[node->GetId()] = observer;
    }
    else
    {
        NS_LOG_INFO("node " << node->GetId() << " has no TCP: not observed");
    }
}

void
LifecycleTcpMetrics::Install(NodeContainer nodes)
{
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Install(*it);
    }
}

void
LifecycleTcpMetrics::InstallAll()
{
    Install(NodeContainer::GetGlobal());
}

void
LifecycleTcpMetrics::Watch(Ptr<Socket> socket)
{
    Ptr<TcpSocketBase> native = DynamicCast<TcpSocketBase>(socket);
    if (!native || m_written)
    {
        return; // this model's sockets are watched from their creation
    }
    auto it = m_native.find(socket->GetNode()->GetId());
    if (it != m_native.end())
    {
        it->second->Watch(native);
    }
}

void
LifecycleTcpMetrics::Forget(Ptr<Socket> socket)
{
    Ptr<TcpSocketBase> native = DynamicCast<TcpSocketBase>(socket);
    if (!native || m_written)
    {
        return;
    }
    auto it = m_native.find(socket->GetNode()->GetId());
    if (it != m_native.end())
    {
        it->second->Forget(native);
    }
}

// ---------------------------------------------------------------------------
// This model's sockets
// ---------------------------------------------------------------------------

namespace
{
/// Copy a socket's 4-tuple into its record.
void
TakeTuple(LifecycleTcpConnectionRecord& r, const LifecycleTcpSocket& s)
{
    const LifecycleTcpFourTuple& t = s.GetFourTuple();
    r.localAddress = t.localAddress;
    r.localPort = t.localPort;
    r.remoteAddress = t.remoteAddress;
    r.remotePort = t.remotePort;
}
} // namespace

void
LifecycleTcpMetrics::WatchModelSocket(Ptr<LifecycleTcpSocket> socket, bool existing)
{
    if (!socket || m_written)
    {
        return;
    }
    // The socket's current record; a socket used again after CLOSED (a new
    // Connect or Listen) starts a new one.
    auto current = std::make_shared<uint64_t>(0);
    LifecycleTcpSocket* s = PeekPointer(socket);
    uint32_t node = socket->GetNode()->GetId();
    // The sinks live in the socket; they reach the collector through m_self.
    std::shared_ptr<LifecycleTcpMetrics*> self = m_self;
    auto open = [self, current, s, node](bool entryKnown) -> LifecycleTcpConnectionRecord*
    {
        LifecycleTcpMetrics* m = *self;
        LifecycleTcpConnectionRecord* r = m->Open(node, "custom", s->GetState(), true, entryKnown);
        TakeTuple(*r, *s);
        m->m_open.at(r->id)->socket = Ptr<LifecycleTcpSocket>(s);
        *current = r->id;
        return r;
    };
    // A socket made before collection began: CLOSED is as good as new; in
    // another state, it has been there since an unknown time.
    bool entryKnown = !existing || socket->GetState() == TcpSocket::CLOSED;
    LifecycleTcpConnectionRecord* first = open(entryKnown);
    if (existing && socket->GetState() == TcpSocket::LISTEN)
    {
        first->opener = LifecycleTcpOpener::LISTENER;
    }
    socket->TraceConnectWithoutContext(
        "Transition",
        Callback<void, LifecycleTcpState, LifecycleTcpState, LifecycleTcpCause>(
            [self, current, s, open](
                LifecycleTcpState from, LifecycleTcpState to, LifecycleTcpCause cause)
            {
                LifecycleTcpMetrics* m = *self;
                if (!m || m->m_written)
                {
                    return;
                }
                auto it = m->m_open.find(*current);
                LifecycleTcpConnectionRecord* r = nullptr;
                if (it == m->m_open.end() || it->second->finished)
                {
                    r = open(true); // reused after CLOSED: born in `from`
                }
                else
                {
                    r = it->second->record.get();
                }
                TakeTuple(*r, *s);
                m->RecordTransition(*r, from, to, cause.ToString());
                // CLOSED ends a connection; so does a passive child's return
                // to LISTEN on a RST (RFC 9293 MUST-11): the socket goes away.
                bool ended = to == TcpSocket::CLOSED
                             || (to == TcpSocket::LISTEN && from == TcpSocket::SYN_RCVD
                                 && r->opener == LifecycleTcpOpener::PASSIVE);
                if (ended)
                {
                    if (to != TcpSocket::CLOSED)
                    {
                        r->closedAt = Simulator::Now();
                    }
                    TakeModelCounters(*r, *s);
                    m->Finish(*r);
                }
            }));
    socket->TraceConnectWithoutContext(
        "Retransmission",
        Callback<void, const LifecycleTcpRetransmission&>(
            [self, current, s](const LifecycleTcpRetransmission& x)
            {
                LifecycleTcpMetrics* m = *self;
                if (!m || m->m_written)
                {
                    return;
                }
                auto it = m->m_open.find(*current);
                if (it != m->m_open.end() && !it->second->finished)
                {
                    LifecycleTcpConnectionRecord& r = *it->second->record;
                    if (!r.iss)
                    {
                        r.iss = s->GetSendVars().iss.GetValue(); // a SYN was sent
                    }
                    m->RecordRetransmission(r, x.kind, x.seq, x.length, x.rto, x.backoff);
                }
            }));
    // series.csv and segments.csv, when on: the record of the socket's
    // current connection, while it is open.
    auto record = [self, current]() -> LifecycleTcpConnectionRecord*
    {
        LifecycleTcpMetrics* m = *self;
        if (!m || m->m_written)
        {
            return nullptr;
        }
        auto it = m->m_open.find(*current);
        return it == m->m_open.end() || it->second->finished ? nullptr : it->second->record.get();
    };
    if (m_seriesOn)
    {
        auto series = [](const char* source, LifecycleTcpSeriesField field)
        {
            return std::make_pair(source, field);
        };
        for (auto [source, field] :
             {series("CongestionWindow", LifecycleTcpSeriesField::CWND),
              series("SlowStartThreshold", LifecycleTcpSeriesField::SSTHRESH)})
        {
            LifecycleTcpSeriesField f = field;
            socket->TraceConnectWithoutContext(source,
                                               Callback<void, uint32_t, uint32_t>(
                                                   [self, record, f](uint32_t, uint32_t v)
                                                   {
                                                       if (LifecycleTcpConnectionRecord* r =
                                                               record())
                                                       {
                                                           (*self)->RecordSeries(*r, f, v);
                                                       }
                                                   }));
        }
        for (auto [source, field] : {series("RTT", LifecycleTcpSeriesField::SRTT),
                                     series("RTO", LifecycleTcpSeriesField::RTO)})
        {
            LifecycleTcpSeriesField f = field;
            socket->TraceConnectWithoutContext(
                source,
                Callback<void, Time, Time>(
                    [self, record, f](Time, Time v)
                    {
                        if (LifecycleTcpConnectionRecord* r = record())
                        {
                            (*self)->RecordSeries(*r, f, static_cast<uint64_t>(v.GetNanoSeconds()));
                        }
                    }));
        }
    }
    if (m_segmentsOn)
    {
        for (bool sent : {true, false})
        {
            socket->TraceConnectWithoutContext(
                sent ? "Tx" : "Rx",
                Callback<void, Ptr<const Packet>, const TcpHeader&, Ptr<const LifecycleTcpSocket>>(
                    [self, record, s, sent](Ptr<const Packet> payload,
                                            const TcpHeader& header,
                                            Ptr<const LifecycleTcpSocket>)
                    {
                        if (LifecycleTcpConnectionRecord* r = record())
                        {
                            // Our segments carry our scale; the peer's theirs.
                            uint8_t shift =
                                sent ? s->GetRecvVars().windShift : s->GetSendVars().windShift;
                            (*self)->RecordSegment(*r, sent, header, payload->GetSize(), shift);
                        }
                    }));
        }
    }
}

void
LifecycleTcpMetrics::TakeModelCounters(LifecycleTcpConnectionRecord& r, const LifecycleTcpSocket& s)
{
    r.TakeStats(s.GetStats());
    const auto& st = r.states;
    // ISS once a SYN was sent; IRS once the peer's SYN arrived.
    if (st[TcpSocket::SYN_SENT].entries > 0 || st[TcpSocket::SYN_RCVD].entries > 0)
    {
        r.iss = s.GetSendVars().iss.GetValue();
    }
    if (st[TcpSocket::SYN_RCVD].entries > 0 || st[TcpSocket::ESTABLISHED].entries > 0)
    {
        r.irs = s.GetRecvVars().irs.GetValue();
    }
    const LifecycleTcpRttEstimator& rtt = s.GetRttEstimator();
    if (rtt.GetSampleCount() > 0)
    {
        r.srtt = rtt.GetSrtt();
    }
    if (r.IsConnection())
    {
        r.rto = rtt.GetRto();
    }
}

// ---------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------

LifecycleTcpConnectionRecord*
LifecycleTcpMetrics::Open(
    uint32_t node, const std::string& stack, LifecycleTcpState initial, bool known, bool entryKnown)
{
    auto e = std::make_unique<Entry>();
    e->record = std::make_unique<LifecycleTcpConnectionRecord>();
    e->id = m_nextId++;
    e->record->id = e->id;
    e->record->node = node;
    e->record->stack = stack;
    e->record->Begin(Simulator::Now(), initial, known, entryKnown);
    if (known)
    {
        CountStates(node, TcpSocket::CLOSED, initial, false);
    }
    LifecycleTcpConnectionRecord* r = e->record.get();
    m_open.emplace(r->id, std::move(e));
    return r;
}

void
LifecycleTcpMetrics::CountStates(uint32_t node,
                                 LifecycleTcpState from,
                                 LifecycleTcpState to,
                                 bool fromKnown)
{
    NodeCounts& n = m_nodes[node];
    if (fromKnown && from != TcpSocket::CLOSED && n.now[from] > 0)
    {
        --n.now[from];
    }
    if (to != TcpSocket::CLOSED && ++n.now[to] > n.peak[to])
    {
        n.peak[to] = n.now[to];
        n.peakAt[to] = Simulator::Now();
    }
}

void
LifecycleTcpMetrics::RecordTransition(LifecycleTcpConnectionRecord& r,
                                      LifecycleTcpState from,
                                      LifecycleTcpState to,
                                      const std::string& cause)
{
    if (m_written)
    {
        return;
    }
    bool fromKnown = r.stateKnown;
    r.Transition(Simulator::Now(), from, to);
    // A native socket found late is counted from its first transition on.
    CountStates(r.node, from, to, fromKnown);
    Entry& e = *m_open.at(r.id);
    if (!e.indexed && r.remotePort != 0)
    {
        Index(e, true);
    }
    WriteTransition(r, from, to, cause);
}

void
LifecycleTcpMetrics::RecordRetransmission(LifecycleTcpConnectionRecord& r,
                                          LifecycleTcpRetxKind kind,
                                          SequenceNumber32 seq,
                                          uint32_t length,
                                          Time rto,
                                          uint32_t backoff)
{
    if (m_written)
    {
        return;
    }
    WriteRetransmission(r, kind, seq, length, rto, backoff);
}

void
LifecycleTcpMetrics::SetRefresher(LifecycleTcpConnectionRecord& r, Refresher refresh)
{
    m_open.at(r.id)->refresh = refresh;
}

void
LifecycleTcpMetrics::CountNodeDrop(uint32_t node, LifecycleTcpDropReason reason)
{
    if (!m_written)
    {
        ++m_nodes[node].drops[static_cast<size_t>(reason)];
    }
}

std::vector<const LifecycleTcpConnectionRecord*>
LifecycleTcpMetrics::GetOpenRecords() const
{
    std::vector<const LifecycleTcpConnectionRecord*> v;
    for (const auto& [id, e] : m_open)
    {
        if (e->record && !e->finished)
        {
            v.push_back(e->record.get());
        }
    }
    std::sort(v.begin(), v.end(), [](auto* a, auto* b) { return a->id < b->id; });
    return v;
}

// ---------------------------------------------------------------------------
// Pairing: a row says how much of its data the peer's application read, so
// when both ends are observed the first to end waits for the other.
// ---------------------------------------------------------------------------

void
LifecycleTcpMetrics::Index(Entry& e, bool add)
{
    if (add && e.record)
    {
        const LifecycleTcpConnectionRecord& r = *e.record;
        e.localAddress = r.localAddress;
        e.localPort = r.localPort;
        e.remoteAddress = r.remoteAddress;
        e.remotePort = r.remotePort;
    }
    const Entry& r = e;
    uint64_t mine = (static_cast<uint64_t>(r.localAddress.Get()) << 16) | r.localPort;
    uint64_t theirs = (static_cast<uint64_t>(r.remoteAddress.Get()) << 16) | r.remotePort;
    TupleKey key =
        mine <= theirs
            ? TupleKey{r.localAddress.Get(), r.remoteAddress.Get(), r.localPort, r.remotePort}
            : TupleKey{r.remoteAddress.Get(), r.localAddress.Get(), r.remotePort, r.localPort};
    if (add)
    {
        m_byTuple[key].push_back(e.id);
        e.key = key;
        e.indexed = true;
        return;
    }
    if (!e.indexed)
    {
        return;
    }
    auto it = m_byTuple.find(e.key);
    if (it != m_byTuple.end())
    {
        auto& ids = it->second;
        ids.erase(std::remove(ids.begin(), ids.end(), e.id), ids.end());
        if (ids.empty())
        {
            m_byTuple.erase(it);
        }
    }
    e.indexed = false;
}

LifecycleTcpMetrics::Entry*
LifecycleTcpMetrics::FindPeer(const Entry& e)
{
    if (!e.indexed)
    {
        return nullptr;
    }
    auto it = m_byTuple.find(e.key);
    if (it == m_byTuple.end())
    {
        return nullptr;
    }
    for (uint64_t id : it->second)
    {
        Entry& o = *m_open.at(id);
        if (id != e.id && o.localAddress == e.remoteAddress && o.localPort == e.remotePort
            && o.remoteAddress == e.localAddress && o.remotePort == e.localPort)
        {
            return &o;
        }
    }
    return nullptr;
}

void
LifecycleTcpMetrics::Finish(LifecycleTcpConnectionRecord& r)
{
    if (m_written)
    {
        return;
    }
    Entry& e = *m_open.at(r.id);
    e.finished = true;
    e.socket = nullptr;
    e.bytesAppReceived = r.bytesAppReceived;
    if (!e.indexed && r.remotePort != 0)
    {
        Index(e, true);
    }
    Entry* peer = FindPeer(e);
    if (peer && !peer->finished)
    {
        Hold(e); // written when the peer ends
        return;
    }
    if (peer)
    {
        r.bytesPeerAppReceived = peer->bytesAppReceived;
        EmitHeld(*peer, r.bytesAppReceived);
    }
    Emit(r.id);
}

void
LifecycleTcpMetrics::Emit(uint64_t id)
{
    auto it = m_open.find(id);
    std::unique_ptr<Entry> e = std::move(it->second);
    m_open.erase(it);
    Index(*e, false);
    m_recordTrace(*e->record);
    Summarize(*e->record);
    WriteConnection(FormatConnection(*e->record, nullptr));
}

void
LifecycleTcpMetrics::Hold(Entry& e)
{
    m_recordTrace(*e.record);
    Summarize(*e.record);
    e.row = FormatConnection(*e.record, &e.rowPeerField);
    e.record.reset(); // memory: the row only
}

void
LifecycleTcpMetrics::EmitHeld(Entry& e, std::optional<uint64_t> peerAppReceived)
{
    if (peerAppReceived)
    {
        e.row.insert(e.rowPeerField, std::to_string(*peerAppReceived));
    }
    WriteConnection(e.row);
    Index(e, false);
    m_open.erase(e.id);
}

// ---------------------------------------------------------------------------
// The end of the run
// ---------------------------------------------------------------------------

bool
LifecycleTcpMetrics::Write(std::string* error)
{
    if (m_written)
    {
        return true;
    }
    NS_LOG_FUNCTION(this);
    for (auto& [node, o] : m_native)
    {
        o->Stop();
    }
    // Records still open: bring their counters up to date and close their
    // accounts now, then pair them as at a normal end.
    Time now = Simulator::Now();
    std::vector<uint64_t> ids;
    for (const auto& [id, e] : m_open)
    {
        ids.push_back(id);
    }
    std::sort(ids.begin(), ids.end());
    for (uint64_t id : ids)
    {
        Entry& e = *m_open.at(id);
        if (e.finished)
        {
            continue;
        }
        LifecycleTcpConnectionRecord& r = *e.record;
        if (e.socket)
        {
            TakeModelCounters(r, *e.socket);
            r.end = LifecycleTcpEnd::OPEN;
        }
        if (!e.refresh.IsNull())
        {
            e.refresh(r);
        }
        r.Settle(now);
        e.bytesAppReceived = r.bytesAppReceived;
        if (!e.indexed && r.remotePort != 0)
        {
            Index(e, true);
        }
    }
    // Every peer still here is open or held: each row gets the other's count.
    std::map<uint64_t, std::optional<uint64_t>> peerCounts;
    for (uint64_t id : ids)
    {
        Entry* peer = FindPeer(*m_open.at(id));
        peerCounts[id] = peer ? peer->bytesAppReceived : std::nullopt;
    }
    for (uint64_t id : ids)
    {
        Entry& e = *m_open.at(id);
        if (!e.record)
        {
            EmitHeld(e, peerCounts[id]);
            continue;
        }
        e.record->bytesPeerAppReceived = peerCounts[id];
        Emit(id);
    }
    bool ok = Commit(error);
    m_written = true;
    return ok;
}

bool
LifecycleTcpMetrics::IsWritten() const
{
    return m_written;
}

void
LifecycleTcpMetrics::WriteAtDestroy()
{
    std::string error;
    if (!m_written && !Write(&error))
    {
        std::cerr << "tcp-lifecycle: metrics not written: " << error << std::endl;
    }
    Dispose();
}

// ---------------------------------------------------------------------------
// Helper
// ---------------------------------------------------------------------------

Ptr<LifecycleTcpMetrics>
LifecycleTcpMetricsHelper::Enable(NodeContainer nodes, const std::string& directory)
{
    Ptr<LifecycleTcpMetrics> metrics = CreateObject<LifecycleTcpMetrics>();
    for (const auto& [name, value] : m_attributes)
    {
        metrics->SetAttribute(name, *value);
    }
    std::string error;
    if (!metrics->SetOutputDirectory(directory, &error))
    {
        std::cerr << "tcp-lifecycle: " << error << std::endl;
        std::exit(2);
    }
    metrics->Install(nodes);
    Simulator::ScheduleDestroy(&LifecycleTcpMetrics::WriteAtDestroy, metrics);
    return metrics;
}

Ptr<LifecycleTcpMetrics>
LifecycleTcpMetricsHelper::EnableAll(const std::string& directory)
{
    return Enable(NodeContainer::GetGlobal(), directory);
}

void
LifecycleTcpMetricsHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_attributes.emplace_back(name, value.Copy());
}

} // namespace ns3
