/*
 * tcp-lifecycle: the protocol of a minimal HTTP/1.0 server (RFC 1945), so
 * that curl or a browser on a real host can fetch from a node of the model.
 *
 * The request head is read up to its empty line (CRLF CRLF, or LF LF as RFC
 * 1945 19.3 tolerates); only its request line matters. Answers:
 *
 *   GET /          200, a short text page saying what can be fetched
 *   GET /<size>    200, <size> bytes of the stream pattern
 *                  (lifecycle-tcp-stream-pattern.h): /1500, /64kB, /10MB, /2MiB
 *   HEAD           the same heads without the body
 *   another path   404; another method 501; a malformed request line, or a
 *                  head longer than MaxHead bytes, 400
 *
 * Every response says HTTP/1.0, carries Content-Length and "Connection:
 * close", and the server closes the connection after it (RFC 1945 1.3: "the
 * connection ... closed by the server after sending the response"). A client
 * speaking HTTP/1.1, as curl does, reads such a response as it should.
 */
#ifndef LIFECYCLE_TCP_HTTP_H
#define LIFECYCLE_TCP_HTTP_H

#include <cstddef>
#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup tcp-lifecycle
 * \brief The response to one request: its head, then a text body or pattern bytes.
 */
struct LifecycleTcpHttpResponse
{
    int status{0};            //!< 200, 400, 404, 501
    std::string requestLine;  //!< the request line, as received (without CRLF)
    std::string head;         //!< status line and header fields, with the empty line
    std::string text;         //!< a text body (empty when the body is pattern bytes)
    uint64_t patternBytes{0}; //!< bytes of the stream pattern after the head
};

/**
 * \ingroup tcp-lifecycle
 * \brief Reads request heads and writes responses of the minimal HTTP/1.0 server.
 */
class LifecycleTcpHttp
{
  public:
    /// The longest request head read; a longer one gets 400.
    static constexpr size_t MaxHead = 16384;
    /// The largest body served: 1 TB.
    static constexpr uint64_t MaxBody = 1000000000000ULL;

    /**
     * \param received what arrived so far
     * \return the length of the request head (up to and including its empty
     * line), or 0 when the head is not complete yet
     */
    static size_t HeadLength(const std::string& received);

    /**
     * \brief The response to a complete request head.
     * \param head the head (from HeadLength)
     * \return the response
     */
    static LifecycleTcpHttpResponse Answer(const std::string& head);

    /**
     * \brief The response to a request whose head grew past MaxHead.
     * \return a 400 response
     */
    static LifecycleTcpHttpResponse TooLong();

    /**
     * \brief Read a size: digits with an optional unit B, kB, MB, GB (powers
     * of 1000) or KiB, MiB, GiB (powers of 1024).
     * \param text the size, e.g. "10MB"
     * \param bytes set to the size
     * \return false when \p text is not a size or is above MaxBody
     */
    static bool ParseSize(const std::string& text, uint64_t& bytes);

  private:
    /// \return a response with status \p status, reason \p reason and text body \p text
    static LifecycleTcpHttpResponse Text(int status,
                                         const std::string& reason,
                                         const std::string& text,
                                         bool withBody);
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_HTTP_H */
