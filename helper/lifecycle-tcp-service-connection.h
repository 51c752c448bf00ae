/*
 * tcp-lifecycle: one connection of a service application, on either end.
 *
 * The services, as the host's tools know them:
 *
 *   echo     the line exchange of the classic socket tutorial: the client
 *            sends a line, the server answers each line with its own line
 *            ("thank you"); with CloseFirst the side that got what it wanted
 *            (the server after its first answer, the client after the answer)
 *            closes, otherwise it waits for the other side's FIN
 *   discard  read everything, send nothing, close when the peer closes
 *            (RFC 863's discard service)
 *   bulk     send Bytes of the stream pattern, then close; read and drop
 *            whatever arrives
 *   http     (server) a minimal HTTP/1.0 server (lifecycle-tcp-http.h),
 *            closing after each response
 *
 * Whatever arrives is read before a Close, so a close never turns into a
 * reset for unread data (RFC 9293 3.6.1, SHLD-3). A peer's FIN is answered
 * with our Close once everything we had to send is handed over. The
 * connection is done, for the application, when its socket reaches
 * TIME_WAIT or CLOSED: nothing more is exchanged then.
 */
#ifndef LIFECYCLE_TCP_SERVICE_CONNECTION_H
#define LIFECYCLE_TCP_SERVICE_CONNECTION_H

#include "ns3/address.h"
#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/ptr.h"
#include "ns3/socket.h"
#include "ns3/tcp-socket.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup tcp-lifecycle
 * \brief What happened on a connection, as its application saw it.
 */
struct LifecycleTcpServiceOutcome
{
    Address peer;                 //!< the other end (an InetSocketAddress)
    uint64_t received{0};         //!< bytes read
    uint64_t sent{0};             //!< bytes handed to the socket
    std::string firstLine;        //!< echo: the first line read; http: the request line
    int httpStatus{0};            //!< http: the status answered (0: no request)
    bool established{false};      //!< the connection was established
    bool peerClosedFirst{false};  //!< the peer's FIN came before our Close
    bool failed{false};           //!< refused, reset or timed out before it was done
    TcpSocket::TcpStates_t state; //!< the socket's state when it was done
};

/**
 * \ingroup tcp-lifecycle
 * \brief One connection of a service application (LifecycleTcpServiceServer,
 * LifecycleTcpServiceClient): it sends and reads what its service says and
 * closes when its turn comes. Works on either TCP of a node.
 */
class LifecycleTcpServiceConnection
{
  public:
    /// What a service application does on each connection.
    enum Service
    {
        ECHO,    //!< send or answer a line
        DISCARD, //!< read everything, send nothing
        BULK,    //!< send Bytes of the stream pattern, then close
        HTTP,    //!< a minimal HTTP/1.0 server
    };

    /// \return "echo", "discard", "bulk" or "http"
    static std::string ServiceName(Service service);

    /// How a connection of a service behaves.
    struct Settings
    {
        Service service{ECHO};         //!< what it does
        bool server{true};             //!< the accepting end (false: the connecting end)
        std::string line{"thank you"}; //!< echo: the line it sends, without the newline
        uint64_t bytes{0};             //!< bulk: bytes it sends
        bool closeFirst{false};        //!< echo: close once the exchange is done
    };

    /// Called (in an event of its own) once the connection is done.
    typedef Callback<void, LifecycleTcpServiceConnection*> DoneCallback;

    /**
     * \param socket the connection's socket (accepted, or connecting)
     * \param settings what to do
     * \param peer the other end
     * \param done called once the connection is done
     */
    LifecycleTcpServiceConnection(Ptr<Socket> socket,
                                  const Settings& settings,
                                  const Address& peer,
                                  DoneCallback done);
    ~LifecycleTcpServiceConnection();
    LifecycleTcpServiceConnection(const LifecycleTcpServiceConnection&) = delete;
    LifecycleTcpServiceConnection& operator=(const LifecycleTcpServiceConnection&) = delete;

    /// \brief The connection is established (accepted, or connected): begin.
    void Start();
    /// \brief A connection attempt failed (refused or timed out).
    void Fail();

    /// \return what happened so far
    const LifecycleTcpServiceOutcome& GetOutcome() const;
    /// \return the socket
    Ptr<Socket> GetSocket() const;

  private:
    void OnRecv(Ptr<Socket> socket);
    void OnSendSpace(Ptr<Socket> socket, uint32_t available);
    void OnPeerClose(Ptr<Socket> socket);
    void OnError(Ptr<Socket> socket);
    void OnState(TcpSocket::TcpStates_t from, TcpSocket::TcpStates_t to);
    /// \brief What the service does with \p text that arrived.
    void Consume(const std::string& text);
    /// \brief Lines of an echo exchange.
    void ConsumeLines(const std::string& text);
    /// \brief A request of the HTTP server.
    void ConsumeRequest(const std::string& text);
    /// \brief Queue \p text to send.
    void QueueText(const std::string& text);
    /// \brief Queue \p bytes of the stream pattern to send.
    void QueuePattern(uint64_t bytes);
    /// \brief Hand queued bytes to the socket while it has room; close when due.
    void Fill();
    /// \brief Read and drop whatever is waiting, counting it.
    void Drain();
    /// \brief Close now (after reading what waits).
    void CloseNow();
    /// \brief Let go of the socket's callbacks.
    void Release();
    /// \brief The connection is done: tell the application.
    void Finish();

    Ptr<Socket> m_socket;
    Settings m_settings;
    DoneCallback m_done;
    LifecycleTcpServiceOutcome m_outcome;
    std::string m_text;          //!< text not handed to the socket yet
    uint64_t m_patternLeft{0};   //!< pattern bytes not handed over yet
    uint64_t m_patternOffset{0}; //!< position of the next pattern byte
    std::string m_buffer;        //!< echo: a partial line; http: the request head so far
    bool m_answered{false};      //!< http: the request was answered
    bool m_closeWhenSent{false}; //!< close once everything queued is handed over
    bool m_closed{false};        //!< Close was called
    bool m_released{false};      //!< callbacks released
    bool m_errored{false};       //!< the socket reported an error
    EventId m_finish;            //!< the pending Finish
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_SERVICE_CONNECTION_H */
