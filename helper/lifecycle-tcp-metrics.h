/*
 * tcp-lifecycle: per-connection metrics of a whole simulation, as files.
 *
 *   LifecycleTcpMetricsHelper().EnableAll("results");   // one line, before Simulator::Run
 *
 * observes every TCP socket of every node -- this model's and ns-3's native
 * TCP alike -- and writes into the folder
 *
 *   connections.csv      one row per connection (and listener)
 *   transitions.csv      every state transition
 *   retransmissions.csv  every retransmission
 *   summary.json         distributions and peaks over the run
 *
 * when the simulation ends (Simulator::Destroy) or when Write() is called.
 * Each file is written under a temporary name and renamed when complete, so
 * a file is either complete or absent. README.md documents every column.
 */
#ifndef LIFECYCLE_TCP_METRICS_H
#define LIFECYCLE_TCP_METRICS_H

#include "lifecycle-tcp-connection-record.h"
#include "lifecycle-tcp-distribution.h"

#include "ns3/attribute.h"
#include "ns3/lifecycle-tcp-state.h"
#include "ns3/node-container.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace ns3
{

class LifecycleTcpSocket;
class LifecycleTcpNativeObserver;
class TcpHeader;

/// A value of a connection's series.csv (attribute Series).
enum class LifecycleTcpSeriesField : uint8_t
{
    CWND,     //!< congestion window, bytes
    SSTHRESH, //!< slow start threshold, bytes
    SRTT,     //!< smoothed RTT, nanoseconds
    RTO,      //!< retransmission timeout in force, nanoseconds
};

/**
 * \ingroup tcp-lifecycle
 * \brief Collects a record per connection, the transition and retransmission
 * streams and a summary, for this model's sockets and ns-3's native ones.
 *
 * Observing does not change the simulation: the collector only listens to
 * trace sources, schedules no events and draws no random numbers. Memory
 * stays bounded: transitions and retransmissions go to their files as they
 * happen, a connection's row is written when it ends (or, if its peer is
 * observed too and still open, when the peer ends, so that each row can say
 * how many of its bytes the peer's application read), and the distributions
 * of the summary keep at most LifecycleTcpDistribution::ExactLimit values
 * each before folding into fixed-size histograms. What stays in memory is
 * one record per open connection.
 */
class LifecycleTcpMetrics : public Object
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    LifecycleTcpMetrics();
    ~LifecycleTcpMetrics() override;

    /**
     * \brief Where the files go; the folder is created if needed.
     * \param directory the folder
     * \param error set to a message naming the folder and the reason on failure
     * \return false when the folder cannot be created or written to
     */
    bool SetOutputDirectory(const std::string& directory, std::string* error = nullptr);
    /// \return the output folder
    std::string GetOutputDirectory() const;

    /**
     * \brief Describe the run in summary.json ("run": {...}), for instance
     * the scenario's name and stack, which plots put in their titles.
     * \param key a name
     * \param value its value (written as a JSON string)
     */
    void SetRunInfo(const std::string& key, const std::string& value);

    /**
     * \brief Observe the TCP of \p node: this model's (LifecycleTcpL4Protocol)
     * or ns-3's native (TcpL4Protocol). Sockets that exist already are taken
     * as they are; a node without TCP is skipped.
     * \param node the node
     */
    void Install(Ptr<Node> node);
    /// \brief Observe every node of \p nodes.
    void Install(NodeContainer nodes);
    /// \brief Observe every node that exists now.
    void InstallAll();
    /**
     * \brief Hand over a socket a script created. Needed by nobody for this
     * model's sockets (each is seen at its creation); for ns-3's native TCP,
     * which has no "socket created" trace, it spares the observer a search of
     * the node's SocketList when the socket connects (a cost that grows with
     * the number of sockets). Install the node first.
     * \param socket the socket
     */
    void Watch(Ptr<Socket> socket);
    /**
     * \brief A native socket is about to vanish without a State change (a
     * simulated crash of its node): its record closes, cause "crash", end
     * "aborted". This model's sockets report their crash themselves.
     * \param socket the socket
     */
    void Forget(Ptr<Socket> socket);

    /**
     * \brief Write the four files now and stop collecting. Called by
     * Simulator::Destroy if not before; a second call does nothing.
     * \param error set to a message on failure
     * \return false when a file could not be written (none is left behind then)
     */
    bool Write(std::string* error = nullptr);
    /// \return true once Write() has run
    bool IsWritten() const;

    /// \return the records of connections still open (not yet written)
    std::vector<const LifecycleTcpConnectionRecord*> GetOpenRecords() const;

    /// TracedCallback signature of the ConnectionRecord trace source.
    typedef void (*RecordTracedCallback)(const LifecycleTcpConnectionRecord& record);

    // ---- for the observers of each stack ----

    /**
     * \brief Start a record.
     * \param node node id
     * \param stack "custom" or "ns3"
     * \param initial the socket's state now
     * \param known false when the state is not known (native sockets found late)
     * \param entryKnown false when the state is known but not since when
     * \return the record, owned by the collector until it is written
     */
    LifecycleTcpConnectionRecord* Open(uint32_t node,
                                       const std::string& stack,
                                       LifecycleTcpState initial,
                                       bool known,
                                       bool entryKnown = true);
    /**
     * \brief Account a transition and write it to transitions.csv.
     * \param r the record
     * \param from old state
     * \param to new state
     * \param cause e.g. "rcv SYN|ACK", "timer 2MSL", "app Close"
     */
    void RecordTransition(LifecycleTcpConnectionRecord& r,
                          LifecycleTcpState from,
                          LifecycleTcpState to,
                          const std::string& cause);
    /**
     * \brief Account a retransmission and write it to retransmissions.csv.
     * \param r the record
     * \param kind what was resent
     * \param seq its sequence number
     * \param length its payload bytes
     * \param rto the RTO in force (zero when not known)
     * \param backoff the backoff count
     */
    void RecordRetransmission(LifecycleTcpConnectionRecord& r,
                              LifecycleTcpRetxKind kind,
                              SequenceNumber32 seq,
                              uint32_t length,
                              Time rto,
                              uint32_t backoff);
    /**
     * \brief The connection ended and its record is final: write its row
     * (or hold it until its observed peer ends) and forget it.
     * \param r the record
     */
    void Finish(LifecycleTcpConnectionRecord& r);
    /**
     * \brief Count a segment a node dropped without a connection to blame.
     * \param node node id
     * \param reason why
     */
    void CountNodeDrop(uint32_t node, LifecycleTcpDropReason reason);

    /// \return true when series.csv is written (attribute Series)
    bool SeriesEnabled() const;
    /// \return true when segments.csv is written (attribute Segments)
    bool SegmentsEnabled() const;
    /**
     * \brief One of the connection's cwnd, ssthresh, SRTT, RTO changed: write
     * a row of series.csv with all four as they are now.
     * \param r the record
     * \param field which one
     * \param value its new value (bytes, or nanoseconds for SRTT and RTO)
     */
    void RecordSeries(LifecycleTcpConnectionRecord& r,
                      LifecycleTcpSeriesField field,
                      uint64_t value);
    /**
     * \brief The connection sent or received a segment: write a row of
     * segments.csv.
     * \param r the record
     * \param sent true for a segment sent, false for one received
     * \param header its header
     * \param length its payload bytes
     * \param windowShift the scale of its window field (RFC 7323): the
     * sender's Wind.Shift; not applied to a SYN
     */
    void RecordSegment(LifecycleTcpConnectionRecord& r,
                       bool sent,
                       const TcpHeader& header,
                       uint32_t length,
                       uint8_t windowShift);

    /**
     * \brief Set by an observer for a record still open when Write() runs:
     * bring its counters up to date.
     */
    typedef Callback<void, LifecycleTcpConnectionRecord&> Refresher;

    /// \param r a record \param refresh called on it before it is written at the end
    void SetRefresher(LifecycleTcpConnectionRecord& r, Refresher refresh);

  protected:
    void DoDispose() override;

  private:
    friend class LifecycleTcpMetricsHelper;

    /// What series.csv and segments.csv need to remember of an open connection.
    struct StreamState
    {
        std::optional<uint32_t> cwnd;     //!< last cwnd
        std::optional<uint32_t> ssthresh; //!< last ssthresh (none while "infinite")
        std::optional<Time> srtt;         //!< last SRTT
        std::optional<Time> rto;          //!< last RTO
        std::optional<uint32_t> iss;      //!< base of our sequence numbers
        std::optional<uint32_t> irs;      //!< base of the peer's
        std::optional<uint32_t> sndMax;   //!< highest sequence number sent, plus one
        /// the four values of the last series.csv row
        std::tuple<std::optional<uint32_t>,
                   std::optional<uint32_t>,
                   std::optional<Time>,
                   std::optional<Time>>
            written;
    };

    /// Canonical 4-tuple key: both ends of a connection map to the same key.
    struct TupleKey
    {
        uint32_t a;  //!< one address
        uint32_t b;  //!< the other
        uint16_t pa; //!< a's port
        uint16_t pb; //!< b's port
        bool operator==(const TupleKey& o) const
        {
            return a == o.a && b == o.b && pa == o.pa && pb == o.pb;
        }
    };
    struct TupleHash
    {
        /// \return the hash of \p k
        size_t operator()(const TupleKey& k) const;
    };

    /**
     * A connection not yet written: open, with its record; or ended while
     * its observed peer is still open, held as its formatted row only (some
     * 500 bytes instead of the record), which waits for the one field the
     * peer's end supplies.
     */
    struct Entry
    {
        std::unique_ptr<LifecycleTcpConnectionRecord> record; //!< null once held as a row
        Ptr<LifecycleTcpSocket> socket;                       //!< this model's socket, while open
        Refresher refresh;                                    //!< an observer's update at the end
        bool finished{false};                     //!< ended (held, waiting for the peer)
        bool indexed{false};                      //!< in m_byTuple under key
        TupleKey key{0, 0, 0, 0};                 //!< its key there
        uint64_t id{0};                           //!< the record's id
        Ipv4Address localAddress;                 //!< 4-tuple, for pairing
        Ipv4Address remoteAddress;                //!< 4-tuple, for pairing
        uint16_t localPort{0};                    //!< 4-tuple, for pairing
        uint16_t remotePort{0};                   //!< 4-tuple, for pairing
        std::optional<uint64_t> bytesAppReceived; //!< what the peer's row needs of us
        std::string row;                          //!< the held row
        std::unique_ptr<StreamState> streams;     //!< series and segments state, when on
        size_t rowPeerField{0};                   //!< where bytes_peer_app_received goes in it
    };

    /// What summary.json says of the records of one stack (or all).
    struct Summary
    {
        uint64_t connections{0};              //!< connection records
        uint64_t listeners{0};                //!< listener records
        std::map<std::string, uint64_t> ends; //!< connections by how they ended
        std::array<LifecycleTcpDistribution, LIFECYCLE_TCP_N_STATES>
            stateTimes;                                                     //!< time in each state
        LifecycleTcpDistribution handshake;                                 //!< handshake times
        LifecycleTcpDistribution close;                                     //!< close times
        LifecycleTcpDistribution timeWait;                                  //!< TIME_WAIT times
        LifecycleTcpDistribution lifetime;                                  //!< lifetimes
        std::array<uint64_t, LIFECYCLE_TCP_N_RETX_KINDS> retransmissions{}; //!< by kind
        uint64_t rtoExpirations{0}; //!< retransmission timer expiries
    };

    /// Connections of one node in each state, now and at the peak.
    struct NodeCounts
    {
        std::string stack;                                          //!< "custom" or "ns3"
        std::array<uint32_t, LIFECYCLE_TCP_N_STATES> now{};         //!< in each state now
        std::array<uint32_t, LIFECYCLE_TCP_N_STATES> peak{};        //!< most at once
        std::array<Time, LIFECYCLE_TCP_N_STATES> peakAt{};          //!< when first reached
        std::array<uint64_t, LIFECYCLE_TCP_N_DROP_REASONS> drops{}; //!< dropped by its TCP
        bool dropsKnown{true};                                      //!< false for ns-3's native TCP
    };

    /**
     * \brief Hook one of this model's sockets.
     * \param socket the socket
     * \param existing true for a socket made before collection began (its
     * state is known, not since when); false for one just created
     */
    void WatchModelSocket(Ptr<LifecycleTcpSocket> socket, bool existing);
    /// \brief Final counters of one of this model's sockets into its record.
    static void TakeModelCounters(LifecycleTcpConnectionRecord& r, const LifecycleTcpSocket& s);
    /// \brief Count the state change in the node's concurrent counts.
    void CountStates(uint32_t node, LifecycleTcpState from, LifecycleTcpState to, bool fromKnown);
    /// \brief Write the row of open entry \p id, add it to the summary, and free it.
    void Emit(uint64_t id);
    /// \brief Keep only the row of the ended entry \p e until its peer ends.
    void Hold(Entry& e);
    /// \brief Write the held row of \p e with the peer's \p peerAppReceived, and free it.
    void EmitHeld(Entry& e, std::optional<uint64_t> peerAppReceived);
    /// \return the entry of the record's peer (reversed 4-tuple), if observed and not yet written
    Entry* FindPeer(const Entry& e);
    /// \brief Index (or unindex) a record by its 4-tuple.
    void Index(Entry& e, bool add);
    /// \brief Open the streams' temporary files.
    bool OpenStreams(std::string* error);
    /// \return the stream state of open record \p r (null once it is finished)
    StreamState* StreamsOf(const LifecycleTcpConnectionRecord& r);
    /// \brief Attribute setters: the stream opens at once if the folder is set.
    void SetSeries(bool on);
    void SetSegments(bool on);
    bool GetSeries() const;
    bool GetSegments() const;
    /// \brief Remove the temporary files.
    void RemoveTemporaries();
    /// \brief Close and rename every file.
    bool Commit(std::string* error);
    /// \brief Write summary.json (temporary name).
    bool WriteSummary(std::string* error);
    /// \brief Append a line to transitions.csv.
    void WriteTransition(const LifecycleTcpConnectionRecord& r,
                         LifecycleTcpState from,
                         LifecycleTcpState to,
                         const std::string& cause);
    /// \brief Append a line to retransmissions.csv.
    void WriteRetransmission(const LifecycleTcpConnectionRecord& r,
                             LifecycleTcpRetxKind kind,
                             SequenceNumber32 seq,
                             uint32_t length,
                             Time rto,
                             uint32_t backoff);
    /**
     * \brief The row of \p r in connections.csv.
     * \param r the record
     * \param peerField set to the offset of bytes_peer_app_received in it
     * \return the row, newline included
     */
    static std::string FormatConnection(const LifecycleTcpConnectionRecord& r, size_t* peerField);
    /// \brief Append \p row to connections.csv.
    void WriteConnection(const std::string& row);
    /// \brief Add \p r to the summaries (its stack's and all).
    void Summarize(const LifecycleTcpConnectionRecord& r);
    /// \brief Called by Simulator::Destroy.
    void WriteAtDestroy();

    /// Shared with the trace sinks: cleared when the collector goes, so a
    /// socket outliving it calls nothing.
    std::shared_ptr<LifecycleTcpMetrics*> m_self;
    std::string m_directory;                                     //!< output folder
    std::vector<std::pair<std::string, std::string>> m_runInfo;  //!< "run" of summary.json
    bool m_written{false};                                       //!< Write() ran
    bool m_failed{false};                                        //!< a stream failed
    uint64_t m_nextId{1};                                        //!< next record id
    std::unordered_map<uint64_t, std::unique_ptr<Entry>> m_open; //!< records not yet written
    std::unordered_map<TupleKey, std::vector<uint64_t>, TupleHash> m_byTuple; //!< open, by 4-tuple
    std::map<uint32_t, NodeCounts> m_nodes;                                   //!< per node
    std::map<std::string, std::unique_ptr<Summary>> m_summaries;              //!< per stack
    std::map<uint32_t, Ptr<LifecycleTcpNativeObserver>> m_native; //!< native observers, by node
    std::vector<Ptr<Node>> m_installed;                           //!< nodes observed
    FILE* m_connections{nullptr};                                 //!< connections.csv (temporary)
    FILE* m_transitions{nullptr};                                 //!< transitions.csv (temporary)
    FILE* m_retransmissions{nullptr}; //!< retransmissions.csv (temporary)
    FILE* m_series{nullptr};          //!< series.csv (temporary), when on
    FILE* m_segments{nullptr};        //!< segments.csv (temporary), when on
    bool m_seriesOn{false};           //!< attribute Series
    bool m_segmentsOn{false};         //!< attribute Segments
    TracedCallback<const LifecycleTcpConnectionRecord&> m_recordTrace; //!< ConnectionRecord
};

/**
 * \ingroup tcp-lifecycle
 * \brief Enables LifecycleTcpMetrics in one line.
 */
class LifecycleTcpMetricsHelper
{
  public:
    /**
     * \brief Observe every node that exists now, writing into \p directory.
     * Call it after the TCP stacks are installed and before Simulator::Run.
     * Aborts with a clear message when the folder cannot be written.
     * \param directory the output folder (created if needed)
     * \return the collector (it lives until Simulator::Destroy)
     */
    Ptr<LifecycleTcpMetrics> EnableAll(const std::string& directory);
    /**
     * \brief Observe the nodes of \p nodes, writing into \p directory.
     * \param nodes the nodes
     * \param directory the output folder (created if needed)
     * \return the collector
     */
    Ptr<LifecycleTcpMetrics> Enable(NodeContainer nodes, const std::string& directory);
    /**
     * \brief Set an attribute of the collectors this helper makes, e.g.
     * SetAttribute("Series", BooleanValue(true)).
     * \param name the attribute
     * \param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);

  private:
    std::vector<std::pair<std::string, Ptr<AttributeValue>>> m_attributes; //!< to set
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_METRICS_H */
