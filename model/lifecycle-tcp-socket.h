/*
 * tcp-lifecycle: one TCP connection, behind ns-3's TcpSocket API.
 *
 * The class is implemented across files by concern, as lwIP splits tcp.c,
 * tcp_in.c and tcp_out.c:
 *   lifecycle-tcp-socket.cc         user calls (RFC 9293 3.10.1 - 3.10.6), the
 *                                   one place that changes state, attributes
 *   lifecycle-tcp-socket-input.cc   SEGMENT ARRIVES (3.10.7), step by step
 *   lifecycle-tcp-socket-output.cc  building and sending segments: windows,
 *                                   Nagle, silly-window avoidance, ACK timing
 *   lifecycle-tcp-socket-options.cc TCP options: MSS, window scale, timestamps
 *   lifecycle-tcp-socket-recovery.cc loss recovery: fast retransmit, NewReno
 *   lifecycle-tcp-socket-timers.cc  timeouts (3.10.8): retransmission,
 *                                   persist, delayed ACK, TIME_WAIT
 * The pieces with a life of their own are separate classes: send buffer,
 * receive buffer, RTT estimator, timer, demultiplexer, ISN generator.
 */
#ifndef LIFECYCLE_TCP_SOCKET_H
#define LIFECYCLE_TCP_SOCKET_H

#include "lifecycle-tcp-congestion-ops.h"
#include "lifecycle-tcp-demux.h"
#include "lifecycle-tcp-receive-buffer.h"
#include "lifecycle-tcp-rtt-estimator.h"
#include "lifecycle-tcp-send-buffer.h"
#include "lifecycle-tcp-state.h"
#include "lifecycle-tcp-stats.h"
#include "lifecycle-tcp-tcb.h"
#include "lifecycle-tcp-timer.h"

#include "ns3/ipv4-address.h"
#include "ns3/ipv4-route.h"
#include "ns3/tcp-header.h"
#include "ns3/tcp-socket.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <cstdint>
#include <vector>

namespace ns3
{

class LifecycleTcpL4Protocol;
class Node;
class Packet;

/**
 * \ingroup tcp-lifecycle
 * \brief A TCP connection of the tcp-lifecycle model.
 *
 * Behaves as an ns3::TcpSocket: Bind, Listen, Connect, Send, Recv, Close,
 * ShutdownSend, ShutdownRecv, GetSockName, GetPeerName and all callbacks, with
 * TcpSocket's attributes. A listening socket forks a new socket for each
 * connection request and hands it to the accept callback once ESTABLISHED.
 *
 * Close semantics: Close() ends both directions for the application (RFC 9293
 * MAY-1): unread data at Close(), or data arriving after it, resets the
 * connection (SHLD-3). ShutdownSend() is the RFC's simplex CLOSE: our FIN goes
 * after the queued data and the socket keeps receiving (a half-close).
 *
 * Trace sources: State (old, new), Transition (old, new, cause),
 * Retransmission, Tx and Rx (every segment), Drop.
 */
class LifecycleTcpSocket : public TcpSocket
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();

    LifecycleTcpSocket();
    /**
     * \brief Fork: copy the configuration and callbacks of a listener.
     * \param listener the listening socket
     *
     * Connection state, buffers and trace sinks are not copied.
     */
    LifecycleTcpSocket(const LifecycleTcpSocket& listener);
    ~LifecycleTcpSocket() override;

    /**
     * \brief A new socket exactly as CreateObject would make it, copied from
     * \p prototype instead of built attribute by attribute.
     * \param prototype a socket that was never used, made by CreateObject
     * while the attribute defaults were what they are now
     * \return the new socket, in CLOSED
     *
     * ns-3 builds an object by looking up and checking every attribute's
     * default (some 25 here), which costs several times what the rest of a
     * short connection costs; LifecycleTcpL4Protocol keeps a prototype and
     * rebuilds it whenever a default changes.
     */
    static Ptr<LifecycleTcpSocket> CopyPristine(Ptr<const LifecycleTcpSocket> prototype);

    /// \param node the node
    void SetNode(Ptr<Node> node);
    /// \param tcp the node's TCP layer
    void SetTcp(Ptr<LifecycleTcpL4Protocol> tcp);

    // ---- ns3::Socket ----
    using Socket::Recv;     // Recv(), Recv(Ptr<Packet>...) convenience overloads
    using Socket::RecvFrom; // RecvFrom(Address&)
    using Socket::Send;     // Send(Ptr<Packet>), Send(const uint8_t*, ...)
    enum SocketErrno GetErrno() const override;
    enum SocketType GetSocketType() const override;
    Ptr<Node> GetNode() const override;
    int Bind(const Address& address) override;
    int Bind() override;
    int Bind6() override;
    int Close() override;
    int ShutdownSend() override;
    int ShutdownRecv() override;
    int Connect(const Address& address) override;
    int Listen() override;
    uint32_t GetTxAvailable() const override;
    int Send(Ptr<Packet> p, uint32_t flags) override;
    int SendTo(Ptr<Packet> p, uint32_t flags, const Address& toAddress) override;
    uint32_t GetRxAvailable() const override;
    Ptr<Packet> Recv(uint32_t maxSize, uint32_t flags) override;
    Ptr<Packet> RecvFrom(uint32_t maxSize, uint32_t flags, Address& fromAddress) override;
    int GetSockName(Address& address) const override;
    int GetPeerName(Address& address) const override;
    void BindToNetDevice(Ptr<NetDevice> netdevice) override;
    bool SetAllowBroadcast(bool allowBroadcast) override;
    bool GetAllowBroadcast() const override;

    /**
     * \brief ABORT (RFC 9293 3.10.5): send a RST where the state calls for
     * one and go to CLOSED at once, dropping queued data.
     * \return 0, or -1 when there is no connection
     */
    int Abort();

    // ---- inspection (tests, metrics, examples) ----
    /// \return the current state
    LifecycleTcpState GetState() const;
    /// \return the 4-tuple (zeros where not known yet)
    const LifecycleTcpFourTuple& GetFourTuple() const;
    /// \return the send sequence variables
    const LifecycleTcpSendVars& GetSendVars() const;
    /// \return the receive sequence variables
    const LifecycleTcpRecvVars& GetRecvVars() const;
    /// \return true when the connection reached SYN_RCVD from LISTEN (MUST-11)
    bool IsPassiveOpen() const;
    /// \return the counters of this connection
    const LifecycleTcpConnectionStats& GetStats() const;
    /// \return the RTT estimator
    const LifecycleTcpRttEstimator& GetRttEstimator() const;
    /// \return a number unique among the sockets of the simulation
    uint64_t GetSocketId() const;
    /// \return a listener's children in SYN_RCVD: what SynBacklog limits
    uint32_t GetHalfOpenCount() const;

    // ---- called by LifecycleTcpL4Protocol ----
    /**
     * \brief A segment for this connection or listener arrived.
     * \param payload the segment text (header removed)
     * \param header the parsed header
     * \param source the segment's source address
     * \param destination the segment's destination address
     */
    void ReceiveSegment(Ptr<Packet> payload,
                        const TcpHeader& header,
                        Ipv4Address source,
                        Ipv4Address destination);
    /// \brief The node crashed: forget the connection without a word (RFC 9293 3.5.1).
    void ForgetOnCrash();
    /**
     * \brief Count a segment of this connection that was dropped, and fire
     * the Drop trace with it.
     * \param reason why
     * \param payload its payload
     * \param header its header
     */
    void CountDrop(LifecycleTcpDropReason reason,
                   Ptr<const Packet> payload,
                   const TcpHeader& header);

    /// TracedCallback signature of the Transition trace source.
    typedef void (*TransitionTracedCallback)(LifecycleTcpState from,
                                             LifecycleTcpState to,
                                             LifecycleTcpCause cause);
    /// TracedCallback signature of the Retransmission trace source.
    typedef void (*RetransmissionTracedCallback)(const LifecycleTcpRetransmission& r);
    /// TracedCallback signature of the Tx and Rx trace sources.
    typedef void (*SegmentTracedCallback)(Ptr<const Packet> payload,
                                          const TcpHeader& header,
                                          Ptr<const LifecycleTcpSocket> socket);
    /// TracedCallback signature of the Drop trace source.
    typedef void (*DropTracedCallback)(Ptr<const Packet> payload,
                                       const TcpHeader& header,
                                       LifecycleTcpDropReason reason);

  protected:
    void DoDispose() override;

  private:
    /// \brief Count the segment being processed (ReceiveSegment) as dropped.
    void CountDrop(LifecycleTcpDropReason reason);

    /// Marks the segment being processed, for CountDrop, for its scope.
    class ArrivingSegment
    {
      public:
        /// \param s the socket \param payload the payload \param h the header
        ArrivingSegment(LifecycleTcpSocket* s, Ptr<Packet> payload, const TcpHeader& h);
        ~ArrivingSegment();
        ArrivingSegment(const ArrivingSegment&) = delete;
        ArrivingSegment& operator=(const ArrivingSegment&) = delete;

      private:
        LifecycleTcpSocket* m_socket;      //!< the socket
        Ptr<Packet> m_previousPayload;     //!< what was marked before
        const TcpHeader* m_previousHeader; //!< what was marked before
    };

    /**
     * \brief Copy the configuration (attributes) and application callbacks
     * of \p from into a socket born in \p bornIn.
     * \param from the listener (fork) or the prototype (CopyPristine)
     * \param bornIn LISTEN for a fork, CLOSED for a pristine copy
     *
     * Connection state, buffers and trace sinks are not copied.
     */
    LifecycleTcpSocket(const LifecycleTcpSocket& from, TcpStates_t bornIn);

    // ---- ns3::TcpSocket attribute accessors ----
    void SetSndBufSize(uint32_t size) override;
    uint32_t GetSndBufSize() const override;
    void SetRcvBufSize(uint32_t size) override;
    uint32_t GetRcvBufSize() const override;
    void SetSegSize(uint32_t size) override;
    uint32_t GetSegSize() const override;
    void SetInitialSSThresh(uint32_t threshold) override;
    uint32_t GetInitialSSThresh() const override;
    void SetInitialCwnd(uint32_t cwnd) override;
    uint32_t GetInitialCwnd() const override;
    void SetConnTimeout(Time timeout) override;
    Time GetConnTimeout() const override;
    void SetSynRetries(uint32_t count) override;
    uint32_t GetSynRetries() const override;
    void SetDataRetries(uint32_t retries) override;
    uint32_t GetDataRetries() const override;
    void SetDelAckTimeout(Time timeout) override;
    Time GetDelAckTimeout() const override;
    void SetDelAckMaxCount(uint32_t count) override;
    uint32_t GetDelAckMaxCount() const override;
    void SetTcpNoDelay(bool noDelay) override;
    bool GetTcpNoDelay() const override;
    void SetPersistTimeout(Time timeout) override;
    Time GetPersistTimeout() const override;

    // ---- lifecycle-tcp-socket.cc: state and user calls ----
    /// \brief Point each timer at its expiry handler.
    void SetTimerFunctions();
    /**
     * \brief The one place where the state changes: logs, fires the State
     * and Transition traces, stamps the statistics, and releases the
     * connection's resources on CLOSED.
     */
    void SetState(LifecycleTcpState to, LifecycleTcpCause cause);
    /// \brief Common part of Close() and ShutdownSend(): RFC 9293 3.10.4.
    int DoClose(LifecycleTcpCause cause);
    /// \brief ABORT (RFC 9293 3.10.5) on behalf of the call in \p cause.
    int DoAbort(LifecycleTcpCause cause);
    /// \brief Queue our FIN after the data queued so far.
    void QueueFin();
    /// \brief Set up the connection variables for the handshake (ISS, buffers).
    void InitializeSend();
    /// \brief Set up the receive side from the peer's SYN (IRS, RCV.NXT).
    void InitializeReceive(SequenceNumber32 irs);
    /// \brief Go to CLOSED with \p end as the outcome, flushing queues if \p flush.
    void EnterClosed(LifecycleTcpCause cause, LifecycleTcpEnd end, bool flush);
    /// \brief Release table entries and timers once CLOSED.
    void ReleaseResources();
    /// \brief Tell the application, once, that the connection was aborted (MUST-12).
    void NotifyAborted();
    /// \brief Connection reached ESTABLISHED: tell the application.
    void OnEstablished(LifecycleTcpCause cause);
    /// \brief Make a connected child of this listener for an arriving SYN.
    Ptr<LifecycleTcpSocket> Fork(Ipv4Address local,
                                 uint16_t localPort,
                                 Ipv4Address remote,
                                 uint16_t remotePort);
    /// \brief A child of this listener stopped being pending (accepted or gone).
    void ChildResolved(LifecycleTcpSocket* child);
    /// \return true when this listener already holds SynBacklog children in SYN_RCVD
    bool SynBacklogFull() const;

    // ---- lifecycle-tcp-socket-input.cc: SEGMENT ARRIVES ----
    /// \brief RFC 9293 3.10.7.2, LISTEN.
    void ProcessListen(Ptr<Packet> payload,
                       const TcpHeader& h,
                       Ipv4Address source,
                       Ipv4Address destination);
    /// \brief A forked child takes the SYN its listener received.
    void ProcessSynInListen(const TcpHeader& h);
    /**
     * \brief TIME_WAIT meets a new SYN (RFC 9293 3.6.1, MAY-2).
     * \return true when the SYN reopened the connection through the listener
     */
    bool ReopenFromTimeWait(Ptr<Packet> payload, const TcpHeader& h);
    /// \brief RFC 9293 3.10.7.3, SYN_SENT.
    void ProcessSynSent(Ptr<Packet> payload, const TcpHeader& h);
    /// \brief RFC 9293 3.10.7.4, the other states, first to eighth step.
    void ProcessOtherStates(Ptr<Packet> payload, const TcpHeader& h);
    /**
     * \brief First step: trim the segment to the window and test it (Table 6).
     * \param payload the text, trimmed in place
     * \param h the header
     * \param seq SEG.SEQ, moved past anything trimmed from the front
     * \param syn SYN bit, cleared if the SYN was trimmed off
     * \param fin FIN bit, cleared if the FIN was trimmed off
     * \return true when acceptable
     */
    bool CheckSequence(
        Ptr<Packet>& payload, const TcpHeader& h, SequenceNumber32& seq, bool& syn, bool& fin);
    /// \brief Second step: the RST bit (with RFC 5961's checks).
    void ProcessReset(const TcpHeader& h);
    /**
     * \brief Fifth step: the ACK field.
     * \param h the header
     * \param seq SEG.SEQ after trimming
     * \param payloadSize text bytes after trimming
     * \param finInOrder the segment also carries the peer's FIN, at RCV.NXT
     * \return false when the segment must be dropped now
     */
    bool ProcessAck(const TcpHeader& h,
                    SequenceNumber32 seq,
                    uint32_t payloadSize,
                    bool finInOrder);
    /**
     * \brief Advance SND.UNA to \p ack: free acked bytes, take an RTT sample,
     * restart or stop the retransmission timer.
     * \param ack the new SND.UNA
     * \param h the acknowledging segment (its timestamps give the RTT sample)
     * \param restartTimer restart the timer if data remains outstanding
     */
    void AdvanceUna(SequenceNumber32 ack, const TcpHeader& h, bool restartTimer = true);
    /// \brief Update SND.WND from a segment (the SND.WL1/SND.WL2 rule).
    void UpdateSendWindow(const TcpHeader& h, SequenceNumber32 seq);
    /// \brief Seventh step: the segment text.
    void ProcessText(Ptr<Packet> payload, SequenceNumber32 seq, const TcpHeader& h);
    /// \brief Eighth step: the FIN bit, once every byte before it arrived.
    void ProcessFin(const TcpHeader& h);
    /**
     * \brief Text arrived: acknowledge now or delay the ACK (RFC 9293
     * 3.8.6.3, RFC 5681 4.2).
     * \param inOrder the text started at RCV.NXT and nothing is held out of order
     */
    void ScheduleAck(bool inOrder);
    /// \return true when our FIN is sent and acknowledged
    bool OurFinAcked() const;

    // ---- lifecycle-tcp-socket-options.cc: TCP options ----
    /// \return the window shift we offer: the smallest that fits RcvBufSize in 16 bits
    uint8_t OfferedWindowShift() const;
    /// \brief Add the options a segment with \p flags carries (MSS, WS, TS).
    void AddOptions(TcpHeader& h, uint8_t flags);
    /// \brief Read the options of the peer's SYN: MSS, window scale, timestamps.
    void ProcessSynOptions(const TcpHeader& h);
    /// \brief Set the effective send MSS (MUST-16) from the peer's MSS and our path.
    void UpdateEffectiveMss(uint32_t peerMss);
    /**
     * \brief PAWS (RFC 7323 5.3, R1): is the segment's timestamp older than TS.Recent?
     * \return true when the segment must be rejected as an old duplicate
     */
    bool PawsRejects(const TcpHeader& h) const;
    /// \brief RFC 7323 4.3 (R3): remember the segment's TSval as TS.Recent.
    void UpdateTsRecent(const TcpHeader& h, SequenceNumber32 seq);
    /// \brief RFC 7323 4.1: an RTT sample from the echoed timestamp.
    void SampleRttFromTimestamp(const TcpHeader& h);
    /// \return our timestamp clock: milliseconds plus the connection's offset
    uint32_t TsNow() const;
    /// \brief Take one RTT sample into the estimator and the statistics.
    void TakeRttSample(Time sample);

    // ---- lifecycle-tcp-socket-recovery.cc: loss recovery ----
    /// \brief A duplicate ACK arrived (RFC 5681 2, 3.2).
    void OnDuplicateAck();
    /// \brief New data acknowledged while in fast recovery (RFC 6582 3.2).
    void OnRecoveryAck(SequenceNumber32 ack, uint32_t ackedOctets);
    /// \brief Resend the segment at SND.UNA without moving SND.NXT.
    void RetransmitFirstSegment(LifecycleTcpRetxKind dataKind);
    /// \brief Leave fast recovery (after an RTO or a full ACK).
    void ResetRecovery();

    // ---- lifecycle-tcp-socket-output.cc: sending ----
    /**
     * \brief Send what the state, the windows and the queues allow (tcp_output).
     *
     * Also sends an owed ACK, piggybacked if some segment goes anyway.
     */
    void SendPending();
    /**
     * \brief Build and send one segment from the connection's point of view.
     * \param seq SEG.SEQ
     * \param flags control bits; ACK adds RCV.NXT
     * \param payload the text, possibly empty
     */
    void SendSegment(SequenceNumber32 seq, uint8_t flags, Ptr<Packet> payload);
    /// \brief <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> now (or a SYN,ACK in SYN_RCVD).
    void SendAckNow();
    /// \brief Send the SYN (SYN_SENT) or SYN,ACK (SYN_RCVD) at ISS.
    void SendSyn();
    /**
     * \brief Sender silly-window avoidance and Nagle (RFC 9293 3.8.6.2.1,
     * MUST-38; 3.7.4, MUST-17): may a short segment of \p len bytes go now?
     * \param len bytes that fit
     * \param queued D, bytes queued and not yet sent
     */
    bool MaySendShort(uint32_t len, uint32_t queued) const;
    /// \return bytes sent and not acknowledged
    uint32_t FlightSize() const;
    /// \brief <SEQ=seq><CTL=RST> (plus <ACK=ack> when \p withAck).
    void SendReset(SequenceNumber32 seq, SequenceNumber32 ack, bool withAck);
    /// \return the window to advertise in SEG.WND (never moving the right edge left)
    uint16_t AdvertisedWindow();
    /// \brief Note a retransmission for traces and counters.
    void RecordRetransmission(LifecycleTcpRetxKind kind, SequenceNumber32 seq, uint32_t length);

    // ---- lifecycle-tcp-socket-timers.cc: timeouts ----
    /// \brief (Re)start the retransmission timer with the backed-off RTO.
    void StartRetransmissionTimer();
    /// \brief RETRANSMISSION TIMEOUT (RFC 9293 3.10.8, RFC 6298 (5.4)-(5.7)).
    void OnRetransmissionTimeout();
    /// \brief Start the persist timer if the window keeps queued data waiting.
    void StartPersistTimerIfNeeded();
    /// \brief Persist timer: send a window probe, or force out data held back
    /// by silly-window avoidance (RFC 9293 3.8.6.1, 3.8.6.2.1 (4)).
    void OnPersistTimeout();
    /// \brief Delayed-ACK timer: the ACK goes now (MUST-40: within 0.5 s).
    void OnDelayedAckTimeout();
    /// \brief Enter TIME_WAIT: start 2*MSL, stop the other timers (3.10.7.4, eighth step).
    void EnterTimeWait(LifecycleTcpCause cause);
    /// \brief TIME-WAIT TIMEOUT (RFC 9293 3.10.8).
    void OnTimeWaitTimeout();
    /// \return the current RTO, backoff included
    Time CurrentRto() const;
    /// \brief Copy cwnd and ssthresh into their trace sources.
    void UpdateCongestionTraces();
    /// \brief Stop every timer.
    void StopTimers();

    // ---- configuration (attributes) ----
    uint32_t m_sndBufSize{131072};            //!< SndBufSize
    uint32_t m_rcvBufSize{131072};            //!< RcvBufSize
    uint32_t m_segmentSize{536};              //!< SegmentSize: MSS we offer and send at most
    uint32_t m_initialSsThresh{UINT32_MAX};   //!< InitialSlowStartThreshold
    uint32_t m_initialCwnd{10};               //!< InitialCwnd, in segments
    Time m_connTimeout{Seconds(3)};           //!< ConnTimeout: first SYN / SYN,ACK timeout
    uint32_t m_synRetries{6};                 //!< ConnCount: SYN transmissions before giving up
    uint32_t m_dataRetries{6};                //!< DataRetries
    Time m_delAckTimeout{MilliSeconds(200)};  //!< DelAckTimeout
    uint32_t m_delAckMaxCount{2};             //!< DelAckCount
    bool m_noDelay{true};                     //!< TcpNoDelay
    Time m_persistTimeout{Seconds(6)};        //!< PersistTimeout
    Time m_msl{Seconds(120)};                 //!< Msl
    bool m_challengeAck{true};                //!< ChallengeAck (RFC 5961)
    bool m_timeWaitReuse{true};               //!< TimeWaitReuse (RFC 9293 MAY-2)
    bool m_rfc1337{false};                    //!< Rfc1337: TIME_WAIT ignores RSTs
    Time m_initialRto{Seconds(1)};            //!< InitialRto
    Time m_minRto{Seconds(1)};                //!< MinRto
    Time m_maxRto{Seconds(60)};               //!< MaxRto
    Time m_clockGranularity{MilliSeconds(1)}; //!< ClockGranularity (G of RFC 6298)
    bool m_winScaleEnabled{true};             //!< WindowScaling (RFC 7323 2)
    bool m_timestampsEnabled{true};           //!< Timestamps (RFC 7323 3)
    uint32_t m_synBacklog{128};               //!< SynBacklog: most children in SYN_RCVD (0: any)
    TypeId m_ccTypeId;                        //!< CongestionControl

    // ---- identity ----
    Ptr<Node> m_node;                  //!< the node
    Ptr<LifecycleTcpL4Protocol> m_tcp; //!< the node's TCP layer
    uint64_t m_socketId;               //!< unique id
    LifecycleTcpFourTuple m_tuple;     //!< local and remote address and port
    bool m_bound{false};               //!< holds a binding in the TCP layer
    bool m_inConnectionTable{false};   //!< holds a 4-tuple in the TCP layer
    mutable enum SocketErrno m_errno
    {
        ERROR_NOTERROR
    }; //!< last error

    // ---- state ----
    TracedValue<TcpStates_t> m_state{CLOSED}; //!< the connection state
    LifecycleTcpSendVars m_snd;               //!< SND.*
    LifecycleTcpRecvVars m_rcv;               //!< RCV.*
    bool m_passiveOpen{false};                //!< reached SYN_RCVD from LISTEN (MUST-11)
    bool m_hasIssFloor{false};                //!< the ISS must exceed m_issFloor (MAY-2)
    SequenceNumber32 m_issFloor{0};   //!< highest sequence number of the previous incarnation
    bool m_finQueued{false};          //!< the sending side is closed; FIN follows the data
    SequenceNumber32 m_finSeq{0};     //!< sequence number of our FIN, when queued
    bool m_peerFinSeen{false};        //!< a FIN arrived ahead of missing data
    SequenceNumber32 m_peerFinSeq{0}; //!< its sequence number
    bool m_closeOnEstablished{false}; //!< CLOSE in SYN_RCVD with data queued (3.10.4)
    bool m_appClosed{false};          //!< Close(): the application reads no more (MAY-1)
    bool m_shutdownSend{false};       //!< ShutdownSend() or Close() called
    bool m_shutdownRecv{false};       //!< ShutdownRecv() or Close() called
    bool m_closeNotified{false};      //!< NormalClose delivered (the peer's FIN)
    bool m_resetNotified{false};      //!< ErrorClose delivered (reset or timeout)
    bool m_ackOwed{false};            //!< an ACK must go out with the next output
    bool m_sendSpaceFreed{false};     //!< tell the application once the segment is processed
    uint32_t m_unackedSegments{0};    //!< in-order segments received since our last ACK

    // ---- options (RFC 7323) ----
    bool m_wsOn{false};                //!< window scaling negotiated
    bool m_tsOn{false};                //!< timestamps negotiated
    Time m_tsRecentStamp;              //!< when TS.Recent was last set (RFC 7323 5.5)
    uint32_t m_tsRecent{0};            //!< TS.Recent
    uint32_t m_tsOffset{0};            //!< added to our millisecond clock in TSval
    SequenceNumber32 m_lastAckSent{0}; //!< Last.ACK.sent
    bool m_retxTsValid{false};         //!< m_retxTs holds a value
    uint32_t m_retxTs{0};              //!< our TSval when we last retransmitted
    uint32_t m_mms{0};                 //!< MMS_S: largest IP payload on the path (MTU - 20)
    Ptr<Ipv4Route> m_route;            //!< cached route to the peer (dropped after an RTO)

    // ---- queues ----
    LifecycleTcpSendBuffer m_txBuffer;    //!< bytes from SND.UNA on
    LifecycleTcpReceiveBuffer m_rxBuffer; //!< in-order and out-of-order bytes

    // ---- retransmission ----
    LifecycleTcpRttEstimator m_rtt;    //!< SRTT, RTTVAR, RTO
    uint32_t m_backoff{0};             //!< consecutive timeouts: RTO * 2^backoff
    uint32_t m_synTransmissions{0};    //!< SYN or SYN,ACK transmissions so far
    bool m_rttTiming{false};           //!< one segment is being timed (Karn, MUST-18)
    SequenceNumber32 m_rttSeq{0};      //!< its last sequence number + 1
    Time m_rttSentAt;                  //!< when it was sent
    LifecycleTcpTimer m_rtxTimer;      //!< retransmission timer
    LifecycleTcpTimer m_timeWaitTimer; //!< 2*MSL
    LifecycleTcpTimer m_persistTimer;  //!< zero-window probes, SWS override
    uint32_t m_persistBackoff{0};      //!< probes sent without the window opening
    SequenceNumber32 m_probeEnd{0};    //!< one past the last probe's octet (SND.MAX stays)
    LifecycleTcpTimer m_delAckTimer;   //!< delayed ACK

    // ---- loss recovery (RFC 5681, RFC 6582) ----
    uint32_t m_dupAcks{0};         //!< consecutive duplicate ACKs
    bool m_inRecovery{false};      //!< in fast recovery
    bool m_firstPartialAck{false}; //!< no partial ACK seen yet in this recovery
    SequenceNumber32 m_recover{0}; //!< "recover": SND.MAX when recovery began

    // ---- congestion control ----
    Ptr<LifecycleTcpCongestionOps> m_cc;   //!< the algorithm
    LifecycleTcpCongestionState m_ccState; //!< cwnd, ssthresh, SMSS
    TracedValue<uint32_t> m_cwndTrace;     //!< CongestionWindow
    TracedValue<uint32_t> m_ssThreshTrace; //!< SlowStartThreshold
    TracedValue<Time> m_rtoTrace;          //!< RTO: the timeout the timer last ran with
    TracedValue<Time> m_srttTrace;         //!< RTT: the smoothed RTT after each sample

    // ---- listener and children ----
    Ptr<LifecycleTcpSocket> m_listener;         //!< a child's listener, until accepted
    std::vector<LifecycleTcpSocket*> m_pending; //!< a listener's children not yet accepted

    // ---- statistics and traces ----
    LifecycleTcpConnectionStats m_stats; //!< counters
    TracedCallback<LifecycleTcpState, LifecycleTcpState, LifecycleTcpCause>
        m_transitionTrace;                                                   //!< Transition
    TracedCallback<const LifecycleTcpRetransmission&> m_retransmissionTrace; //!< Retransmission
    TracedCallback<Ptr<const Packet>, const TcpHeader&, Ptr<const LifecycleTcpSocket>>
        m_txTrace; //!< Tx
    TracedCallback<Ptr<const Packet>, const TcpHeader&, Ptr<const LifecycleTcpSocket>>
        m_rxTrace; //!< Rx
    TracedCallback<Ptr<const Packet>, const TcpHeader&, LifecycleTcpDropReason>
        m_dropTrace; //!< Drop
    /// The segment ReceiveSegment is processing (for CountDrop), or null.
    Ptr<Packet> m_arrivingPayload;
    const TcpHeader* m_arrivingHeader{nullptr}; //!< its header, while processed
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_SOCKET_H */
