/*
 * tcp-lifecycle: the protocol of a minimal HTTP/1.0 server.
 */
#include "lifecycle-tcp-http.h"

#include <cctype>
#include <map>
#include <sstream>

namespace ns3
{

size_t
LifecycleTcpHttp::HeadLength(const std::string& received)
{
    // RFC 1945 4.1: the head ends with an empty line; 19.3: a bare LF is
    // accepted as a line terminator.
    size_t crlf = received.find("\r\n\r\n");
    size_t lf = received.find("\n\n");
    size_t end = std::string::npos;
    if (crlf != std::string::npos)
    {
        end = crlf + 4;
    }
    if (lf != std::string::npos && (end == std::string::npos || lf + 2 < end))
    {
        end = lf + 2;
    }
    return end == std::string::npos ? 0 : end;
}

bool
LifecycleTcpHttp::ParseSize(const std::string& text, uint64_t& bytes)
{
    size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])))
    {
        ++digits;
    }
    if (digits == 0 || digits > 13)
    {
        return false;
    }
    static const std::map<std::string, uint64_t> units{{"", 1},
                                                       {"B", 1},
                                                       {"kB", 1000},
                                                       {"KB", 1000},
                                                       {"MB", 1000000},
                                                       {"GB", 1000000000},
                                                       {"KiB", 1024},
                                                       {"MiB", 1048576},
                                                       {"GiB", 1073741824}};
    auto unit = units.find(text.substr(digits));
    if (unit == units.end())
    {
        return false;
    }
    uint64_t n = std::stoull(text.substr(0, digits));
    if (n > MaxBody / unit->second)
    {
        return false;
    }
    bytes = n * unit->second;
    return true;
}

LifecycleTcpHttpResponse
LifecycleTcpHttp::Text(int status,
                       const std::string& reason,
                       const std::string& text,
                       bool withBody)
{
    LifecycleTcpHttpResponse r;
    r.status = status;
    std::ostringstream h;
    h << "HTTP/1.0 " << status << " " << reason << "\r\n"
      << "Server: tcp-lifecycle\r\n"
      << "Content-Type: text/plain\r\n"
      << "Content-Length: " << text.size() << "\r\n"
      << "Connection: close\r\n\r\n";
    r.head = h.str();
    r.text = withBody ? text : "";
    return r;
}

LifecycleTcpHttpResponse
LifecycleTcpHttp::TooLong()
{
    return Text(400, "Bad Request", "request head too long\n", true);
}

LifecycleTcpHttpResponse
LifecycleTcpHttp::Answer(const std::string& head)
{
    // RFC 1945 5.1: Request-Line = Method SP Request-URI SP HTTP-Version CRLF
    // (a Simple-Request, "GET uri", has no version: answered as well).
    std::string line = head.substr(0, head.find('\n'));
    if (!line.empty() && line.back() == '\r')
    {
        line.pop_back();
    }
    std::istringstream words(line);
    std::string method;
    std::string target;
    std::string version;
    std::string extra;
    words >> method >> target >> version >> extra;
    LifecycleTcpHttpResponse r;
    if (method.empty() || target.empty() || !extra.empty()
        || (!version.empty() && version.rfind("HTTP/", 0) != 0))
    {
        r = Text(400, "Bad Request", "malformed request line\n", true);
    }
    else if (method != "GET" && method != "HEAD")
    {
        r = Text(501, "Not Implemented", "only GET and HEAD are served\n", true);
    }
    else
    {
        bool body = method == "GET";
        uint64_t bytes = 0;
        if (target == "/")
        {
            r = Text(200,
                     "OK",
                     "tcp-lifecycle: an HTTP/1.0 server on the tcp-lifecycle TCP model.\n"
                     "GET /<size> returns that many bytes, e.g. /1500, /64kB, /10MB, /2MiB:\n"
                     "the 64-bit big-endian counter 0, 1, 2, ... cut at the size.\n",
                     body);
        }
        else if (target[0] == '/' && ParseSize(target.substr(1), bytes))
        {
            r.status = 200;
            std::ostringstream h;
            h << "HTTP/1.0 200 OK\r\n"
              << "Server: tcp-lifecycle\r\n"
              << "Content-Type: application/octet-stream\r\n"
              << "Content-Length: " << bytes << "\r\n"
              << "Connection: close\r\n\r\n";
            r.head = h.str();
            r.patternBytes = body ? bytes : 0;
        }
        else
        {
            r = Text(404, "Not Found", "no such size; ask for /<size>, e.g. /10MB\n", body);
        }
    }
    r.requestLine = line;
    return r;
}

} // namespace ns3
