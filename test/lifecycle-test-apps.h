/*
 * tcp-lifecycle tests: applications that move a known byte stream through any
 * ns-3 TCP socket (this model's or ns-3's native one) and check what arrives.
 */
#ifndef LIFECYCLE_TEST_APPS_H
#define LIFECYCLE_TEST_APPS_H

#include "ns3/core-module.h"
#include "ns3/network-module.h"

#include <cstdint>

namespace ns3
{
namespace lifecycle_test
{

/// \return byte \p i of the pseudo-random stream \p seed
uint8_t StreamByte(uint64_t i, uint32_t seed);

/// \return the FNV-1a hash of the first \p n bytes of stream \p seed
uint64_t StreamHash(uint64_t n, uint32_t seed);

/**
 * \brief Writes the first \p total bytes of a stream into a connected socket
 * as fast as its send buffer takes them, then closes (or shuts down) it.
 */
class StreamSender
{
  public:
    /// How the sender ends.
    enum class Finish
    {
        CLOSE,         //!< Close() after the last byte
        SHUTDOWN_SEND, //!< ShutdownSend() after the last byte (keep reading)
        NOTHING        //!< leave the connection open
    };

    /**
     * \param socket a socket that is connected or connecting
     * \param total bytes to send
     * \param seed which stream
     * \param finish what to do after the last byte
     */
    StreamSender(Ptr<Socket> socket, uint64_t total, uint32_t seed, Finish finish);

    /// \brief Start writing (call once connected; Connect callbacks do it).
    void Start();
    /// \return bytes the socket accepted so far
    uint64_t Sent() const;
    /// \return true once every byte was accepted and the finish action taken
    bool Done() const;

  private:
    void Fill();

    Ptr<Socket> m_socket;
    uint64_t m_total;
    uint32_t m_seed;
    Finish m_finish;
    uint64_t m_sent{0};
    bool m_done{false};
};

/**
 * \brief Reads everything from a socket, hashing it, and closes when the peer
 * closes (if asked to).
 */
class StreamReceiver
{
  public:
    /**
     * \param closeOnPeerClose close our side when the peer's FIN arrives
     * \param closeAfterBytes if not 0, close our side as soon as this many bytes arrived
     */
    explicit StreamReceiver(bool closeOnPeerClose = true, uint64_t closeAfterBytes = 0);
    /// \brief Read from \p socket from now on.
    void Attach(Ptr<Socket> socket);
    /// \return bytes read
    uint64_t Received() const;
    /// \return true when exactly the first \p total bytes of \p seed arrived, in order
    bool Matches(uint64_t total, uint32_t seed) const;
    /// \return true once the peer closed (normally)
    bool PeerClosed() const;
    /// \return the socket read from (the last attached)
    Ptr<Socket> GetSocket() const;

  private:
    void Read(Ptr<Socket> s);

    bool m_closeOnPeerClose;
    uint64_t m_closeAfterBytes;
    bool m_closed{false};
    Ptr<Socket> m_socket;
    uint64_t m_received{0};
    uint64_t m_hash{14695981039346656037ULL};
    bool m_peerClosed{false};
};

} // namespace lifecycle_test
} // namespace ns3

#endif /* LIFECYCLE_TEST_APPS_H */
