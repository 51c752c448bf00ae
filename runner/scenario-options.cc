/*
 * tcp-lifecycle runner: the options of a scenario.
 */
#include "scenario-options.h"

#include <algorithm>
#include <boost/program_options.hpp>
#include <cctype>
#include <cmath>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace po = boost::program_options;

namespace tcplc
{

namespace
{

/// One option: its name, default and help line.
struct Spec
{
    const char* name;
    const char* value; //!< default
    const char* help;
};

/// Sections of --help, in order, with their options.
struct Group
{
    const char* title;
    std::vector<Spec> specs;
};

const std::vector<Group>&
Groups()
{
    static const std::vector<Group> groups{
        {"Run",
         {{"name",
           "",
           "scenario name, for titles (default: the config file's name, or 'default'; "
           "'emulate-server' or 'emulate-client' in an emulation)"},
          {"out", "", "folder for the results (default: results/<name>)"},
          {"stack", "custom", "custom (this model) or ns3 (ns-3's native TCP)"},
          {"seed", "1", "random seed (ns-3 RngSeedManager): same seed and run, same results"},
          {"run", "1", "run number (ns-3 RngSeedManager): independent replications"},
          {"duration", "0s", "stop at this simulated time; 0: when nothing is left to happen"},
          {"max-duration", "3600s", "upper bound of the simulated time when duration is 0"},
          {"pcap", "false", "write a pcap per device into the results (Wireshark reads them)"},
          {"progress", "false", "show progress on stderr (shown anyway when stderr is a terminal)"},
          {"metrics.series",
           "true",
           "also write series.csv: each connection's cwnd, ssthresh, SRTT and RTO over time"},
          {"metrics.segments",
           "true",
           "also write segments.csv: every segment of every connection (for the "
           "time-sequence plot; some 100 bytes per segment)"}}},
        {"Topology",
         {{"topology",
           "p2p",
           "p2p (a client and a server on one link) or dumbbell (pairs across a bottleneck)"},
          {"link.rate", "10Mbps", "rate of the link (dumbbell: of the bottleneck)"},
          {"link.delay", "10ms", "one-way delay of the link (dumbbell: of the bottleneck)"},
          {"link.queue", "100", "queue of each device of the link, in packets"},
          {"link.loss-forward", "0", "probability that a packet towards the server is lost"},
          {"link.loss-reverse", "0", "probability that a packet towards the client is lost"},
          {"link.reorder", "0", "probability that a packet is held back (reordering)"},
          {"link.reorder-delay", "5ms", "how long a held-back packet waits"},
          {"link.duplicate", "0", "probability that a packet is delivered twice"},
          {"link.duplicate-delay", "100us", "time between a packet and its duplicate"},
          {"link.down-at", "0s", "the link goes down at this time (0: never)"},
          {"link.down-for", "0s", "and stays down this long"},
          {"dumbbell.pairs", "2", "dumbbell: client/server pairs, one flow set each (1-250)"},
          {"dumbbell.access-rate", "100Mbps", "dumbbell: rate of each access link"},
          {"dumbbell.access-delay", "1ms", "dumbbell: delay of each access link"}}},
        {"TCP",
         {{"tcp.msl", "120s", "Maximum Segment Lifetime; TIME_WAIT lasts 2*MSL (Linux: 30s)"},
          {"tcp.segment-size", "1460", "MSS offered (this model; text per segment for ns3)"},
          {"tcp.snd-buf", "131072", "send buffer, bytes"},
          {"tcp.rcv-buf", "131072", "receive buffer, bytes"},
          {"tcp.initial-cwnd", "10", "initial congestion window, segments"},
          {"tcp.syn-backlog",
           "128",
           "half-open connections a listener keeps; 0: no limit (this model; ns3 has none)"},
          {"tcp.timestamps", "true", "RFC 7323 timestamps"},
          {"tcp.window-scaling", "true", "RFC 7323 window scaling"},
          {"tcp.min-rto", "1s", "lower bound of the RTO (RFC 6298: 1s; Linux: 200ms)"},
          {"tcp.conn-count", "6", "SYNs (or SYN,ACKs) sent before a connection attempt fails"},
          {"tcp.data-retries", "6", "retransmissions by timeout before a connection aborts"},
          {"tcp.nagle", "false", "the Nagle algorithm (ns-3's TcpNoDelay, inverted)"},
          {"tcp.checksums", "false", "compute and check checksums (ns-3 ChecksumEnabled)"}}},
        {"Workload",
         {{"workload",
           "short",
           "bulk, request-response, short, echo, hold, half-close, simultaneous-open or "
           "syn-flood"},
          {"start", "1s", "when the first connection opens"},
          {"close", "client", "who closes first: client, server or both (at once)"},
          {"close-delay",
           "0s",
           "the other side closes this long after reading the first FIN (the first closer "
           "waits in FIN_WAIT_2 meanwhile)"},
          {"port", "80", "the server's port"},
          {"client-port", "0", "the client's local port (0: ephemeral)"},
          {"bulk.bytes", "1MB", "bulk: bytes each flow sends (k, M, G: powers of 1000)"},
          {"bulk.flows", "1", "bulk: flows per client"},
          {"rr.request", "100", "request-response: bytes of a request"},
          {"rr.response", "10kB", "request-response: bytes of a response"},
          {"rr.requests", "10", "request-response: requests per connection"},
          {"rr.think", "100ms", "request-response: time between a response and the next request"},
          {"rr.connections", "1", "request-response: connections per client, one after another"},
          {"short.count", "20", "short: connections per client"},
          {"short.interval", "250ms", "short: time between connections"},
          {"short.rate",
           "0",
           "short: Poisson arrivals at this rate per second (0: fixed interval)"},
          {"short.bytes", "10kB", "short: bytes each connection sends"},
          {"echo.message", "hello", "echo: the line the client sends"},
          {"echo.reply", "thank you", "echo: the server's answer"},
          {"hold.count", "10", "hold: connections per client, kept open"},
          {"hold.bytes", "0", "hold: bytes the client sends on each first"},
          {"half-close.request", "1000", "half-close: bytes the client sends before its FIN"},
          {"half-close.response", "100kB", "half-close: bytes the server sends after that FIN"},
          {"syn-flood.rate", "1000", "syn-flood: spoofed SYNs per second"},
          {"syn-flood.start", "1s", "syn-flood: when the attack starts"},
          {"syn-flood.duration", "10s", "syn-flood: how long it lasts"},
          {"syn-flood.network", "10.250.0.0/16", "syn-flood: the spoofed source addresses"}}},
        {"Events",
         {{"crash.node", "none", "none, client or server: a node that crashes"},
          {"crash.at", "0s", "when it crashes: it stops answering and forgets its connections"},
          {"crash.reboot-at", "0s", "when it comes back (0: never)"},
          {"drop.to-server",
           "",
           "segments lost on the way to the server: kind#n or kind#n-m, comma-separated; kinds: "
           "syn synack fin ack data rst any last-ack"},
          {"drop.to-client", "", "segments lost on the way to the client (as drop.to-server)"},
          {"inject.old-syn-at",
           "0s",
           "inject an old duplicate SYN from the client's port at this time (0: no)"}}},
        {"Emulation (a real host's TCP through a tap device; root, in a namespace: "
         "scripts/netns-run)",
         {{"emulate",
           "none",
           "none (a simulation), server (the host's client talks to this model's server) or "
           "client (this model's client talks to a server on the host)"},
          {"emulate.service",
           "echo",
           "what the simulated node does: echo (client: sends echo.message; server: answers "
           "each line with echo.reply), discard (reads everything), bulk (sends bulk.bytes, "
           "then closes) or http (server only: HTTP/1.0, GET /<size> e.g. /10MB)"},
          {"emulate.connections",
           "1",
           "server: stop once this many connections are done (0: at duration or Ctrl-C); "
           "client: connections to open, one after another"},
          {"emulate.device", "tlc0", "name of the tap device, made in the network namespace"},
          {"emulate.network",
           "10.77.0.0/23",
           "two /24 networks: the host's tap .0.1 and the router .0.2, then the router .1.1 "
           "and the simulated node .1.2"}}}};
    return groups;
}

bool
StartsWith(const std::string& s, const std::string& prefix)
{
    return s.rfind(prefix, 0) == 0;
}

/**
 * \brief Where an option applies, when it does not apply to this run.
 * \param name the option
 * \param emulate none, server or client
 * \param topology p2p or dumbbell
 * \return "" when it applies; otherwise where it does, e.g. "emulate = client only"
 */
std::string
AppliesOnlyTo(const std::string& name, const std::string& emulate, const std::string& topology)
{
    static const std::set<std::string> simulationOnly{"topology",
                                                      "workload",
                                                      "close-delay",
                                                      "bulk.flows",
                                                      "crash.node",
                                                      "crash.at",
                                                      "crash.reboot-at",
                                                      "drop.to-server",
                                                      "drop.to-client",
                                                      "inject.old-syn-at"};
    static const std::vector<std::string> simulationOnlyGroups{
        "dumbbell.", "rr.", "short.", "hold.", "half-close.", "syn-flood."};
    bool simulation = simulationOnly.count(name) > 0;
    for (const auto& prefix : simulationOnlyGroups)
    {
        simulation = simulation || StartsWith(name, prefix);
    }
    if (emulate == "none")
    {
        if (StartsWith(name, "emulate."))
        {
            return "emulate = server or client only";
        }
        return StartsWith(name, "dumbbell.") && topology != "dumbbell" ? "topology = dumbbell only"
                                                                       : "";
    }
    if (simulation)
    {
        return "simulations only (emulate = none)";
    }
    if (emulate == "server" && (name == "start" || name == "client-port" || name == "echo.message"))
    {
        return "emulate = client only (the host's client decides)";
    }
    if (emulate == "client" && name == "echo.reply")
    {
        return "emulate = server only (the host's server answers)";
    }
    return "";
}

/// Where a value came from: "--name" or "file:line: name".
struct Given
{
    std::string value;
    std::string origin;
};

std::string
Trim(const std::string& s)
{
    size_t b = s.find_first_not_of(" \t\r");
    size_t e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

/// Reads a scenario file: "[section]" lines, "key = value" lines, comments
/// after # or ; at the start of a line, values optionally in double quotes.
std::map<std::string, Given>
ReadIni(const std::string& path, const std::set<std::string>& known)
{
    std::ifstream in(path);
    if (!in)
    {
        throw ScenarioError("--config: '" + path + "' cannot be read; give a readable file");
    }
    std::map<std::string, Given> values;
    std::string line;
    std::string section;
    int number = 0;
    while (std::getline(in, line))
    {
        ++number;
        std::string where = path + ":" + std::to_string(number);
        std::string t = Trim(line);
        if (t.empty() || t[0] == '#' || t[0] == ';')
        {
            continue;
        }
        if (t[0] == '[')
        {
            if (t.back() != ']' || t.size() < 3)
            {
                throw ScenarioError(where + ": '" + t + "' is not a section; write [name]");
            }
            section = Trim(t.substr(1, t.size() - 2));
            continue;
        }
        size_t eq = t.find('=');
        if (eq == std::string::npos)
        {
            throw ScenarioError(where + ": '" + t + "' is not an option; write name = value");
        }
        std::string key = Trim(t.substr(0, eq));
        std::string value = Trim(t.substr(eq + 1));
        if (!value.empty() && value.front() == '"')
        {
            // A quoted value, then nothing but a comment.
            size_t close = value.find('"', 1);
            std::string rest = close == std::string::npos ? "" : Trim(value.substr(close + 1));
            if (close == std::string::npos || !(rest.empty() || rest[0] == '#' || rest[0] == ';'))
            {
                std::string shown = section.empty() || key.find('.') != std::string::npos
                                        ? key
                                        : section + "." + key;
                throw ScenarioError(where + ": " + shown + ": '" + value
                                    + "' is not a quoted value; write \"text\" and at most a "
                                      "# comment after it");
            }
            value = value.substr(1, close - 1);
        }
        else
        {
            // A comment after the value starts with # or ; after a space.
            for (size_t i = 1; i < value.size(); ++i)
            {
                if ((value[i] == '#' || value[i] == ';')
                    && (value[i - 1] == ' ' || value[i - 1] == '\t'))
                {
                    value = Trim(value.substr(0, i));
                    break;
                }
            }
        }
        std::string name =
            section.empty() || key.find('.') != std::string::npos ? key : section + "." + key;
        if (!known.count(name) && known.count(key))
        {
            name = key; // a general option under a section header
        }
        if (!known.count(name) || name == "config")
        {
            throw ScenarioError(where + ": unknown option '" + name
                                + "'; tcp-lifecycle --help lists them");
        }
        if (values.count(name))
        {
            throw ScenarioError(where + ": " + name + " is given twice (first at "
                                + values[name].origin + ")");
        }
        values[name] = Given{value, where};
    }
    return values;
}

/// Converts and checks values, naming the option and its origin on error.
class Resolver
{
  public:
    explicit Resolver(std::map<std::string, Given> values)
        : m_values(std::move(values))
    {
    }

    const std::string& Raw(const std::string& name) const
    {
        return m_values.at(name).value;
    }

    [[noreturn]] void Fail(const std::string& name, const std::string& problem) const
    {
        const Given& g = m_values.at(name);
        std::string origin = g.origin == "default"        ? name + " (default)"
                             : g.origin == "command line" ? "--" + name
                                                          : g.origin + ": " + name;
        throw ScenarioError(origin + ": '" + g.value + "' " + problem);
    }

    bool IsDefault(const std::string& name) const
    {
        return m_values.at(name).origin == "default";
    }

    std::string Choice(const std::string& name, const std::vector<std::string>& accepted) const
    {
        const std::string& v = Raw(name);
        if (std::find(accepted.begin(), accepted.end(), v) == accepted.end())
        {
            std::string list;
            for (const auto& a : accepted)
            {
                list += (list.empty() ? "" : ", ") + a;
            }
            Fail(name, "is not accepted; give one of " + list);
        }
        return v;
    }

    bool Bool(const std::string& name) const
    {
        std::string v = Raw(name);
        std::transform(
            v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::tolower(c); });
        if (v == "true" || v == "yes" || v == "on" || v == "1")
        {
            return true;
        }
        if (v == "false" || v == "no" || v == "off" || v == "0")
        {
            return false;
        }
        Fail(name, "is not a yes/no value; give true or false");
    }

    uint64_t Uint(const std::string& name, uint64_t min, uint64_t max) const
    {
        const std::string& v = Raw(name);
        static const std::regex number("^[0-9]+$");
        if (!std::regex_match(v, number) || v.size() > 19)
        {
            Fail(name,
                 "is not a whole number; give one from " + std::to_string(min) + " to "
                     + std::to_string(max));
        }
        uint64_t n = std::stoull(v);
        if (n < min || n > max)
        {
            Fail(name,
                 "is out of range; give a whole number from " + std::to_string(min) + " to "
                     + std::to_string(max));
        }
        return n;
    }

    /// Bytes: a whole number with an optional k, M, G (x1000) or KiB, MiB, GiB suffix, B allowed.
    uint64_t Bytes(const std::string& name, uint64_t min, uint64_t max) const
    {
        static const std::regex bytes(
            "^([0-9]+(\\.[0-9]+)?) *(|B|k|kB|K|KB|M|MB|G|GB|KiB|MiB|GiB)$");
        std::smatch m;
        const std::string& v = Raw(name);
        auto accepted = "give bytes from " + std::to_string(min) + " to " + std::to_string(max)
                        + ", e.g. 1500, 10kB, 1.5MB, 2MiB";
        if (!std::regex_match(v, m, bytes))
        {
            Fail(name, "is not a size; " + accepted);
        }
        static const std::map<std::string, double> units{{"", 1},
                                                         {"B", 1},
                                                         {"k", 1e3},
                                                         {"kB", 1e3},
                                                         {"K", 1e3},
                                                         {"KB", 1e3},
                                                         {"M", 1e6},
                                                         {"MB", 1e6},
                                                         {"G", 1e9},
                                                         {"GB", 1e9},
                                                         {"KiB", 1024.0},
                                                         {"MiB", 1048576.0},
                                                         {"GiB", 1073741824.0}};
        double n = std::stod(m[1].str()) * units.at(m[3].str());
        if (n != std::floor(n) || n < static_cast<double>(min) || n > static_cast<double>(max))
        {
            Fail(name, "is out of range; " + accepted);
        }
        return static_cast<uint64_t>(n);
    }

    double Real(const std::string& name, double min, double max, const std::string& what) const
    {
        const std::string& v = Raw(name);
        static const std::regex real("^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?$");
        if (!std::regex_match(v, real))
        {
            Fail(name, "is not a number; give " + what);
        }
        double d = std::stod(v);
        if (!(d >= min && d <= max))
        {
            Fail(name, "is out of range; give " + what);
        }
        return d;
    }

    double Probability(const std::string& name) const
    {
        return Real(name, 0, 1, "a probability from 0 to 1");
    }

    /// A time: a non-negative number with a unit (s, ms, us, ns, min, h), or seconds.
    ns3::Time Duration(const std::string& name, ns3::Time min = ns3::Time(0)) const
    {
        static const std::regex time(
            "^([+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?) *(|s|ms|us|ns|min|h)$");
        std::smatch m;
        const std::string& v = Raw(name);
        std::ostringstream least;
        least << min.As(min < ns3::Seconds(1) ? ns3::Time::MS : ns3::Time::S);
        std::string accepted =
            (min.IsZero() ? std::string("give a time of 0 or more")
                          : "give a time of at least " + least.str().substr(least.str()[0] == '+'))
            + " with a unit, e.g. 10ms, 1.5s, 200us, 2min";
        if (!std::regex_match(v, m, time))
        {
            Fail(name, "is not a time; " + accepted);
        }
        double x = std::stod(m[1].str());
        static const std::map<std::string, double> toSeconds{
            {"", 1}, {"s", 1}, {"ms", 1e-3}, {"us", 1e-6}, {"ns", 1e-9}, {"min", 60}, {"h", 3600}};
        double seconds = x * toSeconds.at(m[4].str());
        if (seconds < 0)
        {
            Fail(name, "is negative; " + accepted);
        }
        if (seconds > 1e7)
        {
            Fail(name, "is too long; " + accepted + " (at most 10^7 s)");
        }
        ns3::Time t = ns3::NanoSeconds(static_cast<int64_t>(std::llround(seconds * 1e9)));
        if (t < min)
        {
            Fail(name, "is too short; " + accepted);
        }
        return t;
    }

    ns3::DataRate Rate(const std::string& name) const
    {
        static const std::regex rate(
            "^([0-9]+(\\.[0-9]+)?) *(bps|kbps|Kbps|Mbps|Gbps|b/s|kb/s|Mb/s|Gb/s)$");
        std::smatch m;
        const std::string& v = Raw(name);
        if (!std::regex_match(v, m, rate))
        {
            Fail(name, "is not a data rate; give a number and a unit, e.g. 10Mbps, 1Gbps, 512kbps");
        }
        static const std::map<std::string, double> units{{"bps", 1},
                                                         {"b/s", 1},
                                                         {"kbps", 1e3},
                                                         {"Kbps", 1e3},
                                                         {"kb/s", 1e3},
                                                         {"Mbps", 1e6},
                                                         {"Mb/s", 1e6},
                                                         {"Gbps", 1e9},
                                                         {"Gb/s", 1e9}};
        double bps = std::stod(m[1].str()) * units.at(m[3].str());
        if (bps < 1000 || bps > 1e12)
        {
            Fail(name, "is out of range; give a rate from 1kbps to 1000Gbps");
        }
        return ns3::DataRate(static_cast<uint64_t>(bps));
    }

    void Network(const std::string& name, ns3::Ipv4Address& address, ns3::Ipv4Mask& mask) const
    {
        static const std::regex net(
            "^([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})/([0-9]{1,2})$");
        std::smatch m;
        const std::string& v = Raw(name);
        std::string accepted = "give an IPv4 network as address/length, e.g. 10.250.0.0/16, "
                               "length 8 to 30";
        if (!std::regex_match(v, m, net))
        {
            Fail(name, "is not a network; " + accepted);
        }
        uint32_t a = 0;
        for (int i = 1; i <= 4; ++i)
        {
            int octet = std::stoi(m[i].str());
            if (octet > 255)
            {
                Fail(name, "is not a network; " + accepted);
            }
            a = (a << 8) | static_cast<uint32_t>(octet);
        }
        int length = std::stoi(m[5].str());
        if (length < 8 || length > 30)
        {
            Fail(name, "has a prefix length out of range; " + accepted);
        }
        uint32_t bits = length == 0 ? 0 : ~0U << (32 - length);
        address = ns3::Ipv4Address(a & bits);
        mask = ns3::Ipv4Mask(bits);
    }

    std::vector<DropRule> Drops(const std::string& name) const
    {
        std::vector<DropRule> rules;
        std::string v = Raw(name);
        if (Trim(v).empty())
        {
            return rules;
        }
        static const std::regex item(
            "^(syn|synack|fin|ack|data|rst|any|last-ack)(#([0-9]+)(-([0-9]+))?)?$");
        std::stringstream in(v);
        std::string token;
        while (std::getline(in, token, ','))
        {
            token = Trim(token);
            std::smatch m;
            if (!std::regex_match(token, m, item))
            {
                Fail(name,
                     "has '" + token + "', not a drop rule; give kind, kind#n or kind#n-m "
                         + "(kinds: syn synack fin ack data rst any last-ack), e.g. syn#1,fin#2");
            }
            uint32_t first = m[3].matched ? static_cast<uint32_t>(std::stoul(m[3].str())) : 1;
            uint32_t last = m[5].matched ? static_cast<uint32_t>(std::stoul(m[5].str())) : first;
            if (first == 0 || last < first || last - first > 100000)
            {
                Fail(name, "has '" + token + "': occurrences count from 1, and n-m needs n <= m");
            }
            rules.push_back(DropRule{m[1].str(), first, last - first + 1});
        }
        return rules;
    }

  private:
    std::map<std::string, Given> m_values;
};

/// \return the base name of \p path without its extension
std::string
Stem(const std::string& path)
{
    std::string base = path.substr(path.find_last_of('/') + 1);
    size_t dot = base.find_last_of('.');
    return dot == std::string::npos || dot == 0 ? base : base.substr(0, dot);
}

} // namespace

std::string
ScenarioOptions::ToIni() const
{
    std::ostringstream o;
    o << "# The effective configuration of this run: tcp-lifecycle --config <this file>\n"
      << "# repeats it.\n";
    for (const auto& group : Groups())
    {
        o << "\n# " << group.title << "\n";
        for (const auto& spec : group.specs)
        {
            auto it = values.find(spec.name);
            if (it == values.end() || std::string(spec.name) == "out")
            {
                continue;
            }
            const std::string& v = it->second;
            bool quote = v.empty() || v.find_first_of(" #;\"") != std::string::npos;
            // Options that do not apply to this run are shown, not set
            // (setting them is refused).
            std::string only = AppliesOnlyTo(spec.name, emulate, topology);
            o << (only.empty() ? "" : "# ") << spec.name << " = " << (quote ? "\"" + v + "\"" : v)
              << (only.empty() ? "" : "   -- applies to " + only) << "\n";
        }
    }
    return o.str();
}

ParseResult
ParseScenario(int argc, const char* const argv[], ScenarioOptions& options, std::ostream& help)
{
    // The command line, through Boost.Program_options.
    po::options_description all("tcp-lifecycle: run one scenario on this TCP model or on ns-3's "
                                "native TCP, and write per-connection metrics; or, with "
                                "--emulate,\nlet a real host's TCP talk to it through a tap "
                                "device (as root: scripts/netns-run -- tcp-lifecycle "
                                "--emulate=server).\n\n"
                                "Usage: tcp-lifecycle [--config FILE] [--option=value ...]\n"
                                "Options come from FILE (INI: [section] then name = value) and "
                                "the command line, which wins.\nWith no option at all, a built-in "
                                "default scenario runs.\n\nGeneral");
    all.add_options()("help,h", "print this help and exit")(
        "config",
        po::value<std::string>()->value_name("FILE"),
        "read options from this scenario file (see scenarios/)");
    std::set<std::string> known{"config"};
    for (const auto& group : Groups())
    {
        po::options_description d(group.title);
        for (const auto& spec : group.specs)
        {
            std::string shown = std::string(spec.value).empty() ? "" : spec.value;
            std::string helpLine = spec.help;
            if (!shown.empty())
            {
                helpLine += " [" + shown + "]";
            }
            auto* value = po::value<std::string>()->value_name("VALUE");
            if (std::string(spec.value) == "false" || std::string(spec.value) == "true")
            {
                value->implicit_value("true");
            }
            d.add_options()(spec.name, value, helpLine.c_str());
            known.insert(spec.name);
        }
        all.add(d);
    }

    // Words that are not options are collected to be refused by name.
    po::options_description hidden;
    hidden.add_options()("stray-argument", po::value<std::vector<std::string>>());
    po::options_description parsed;
    parsed.add(all).add(hidden);
    po::positional_options_description stray;
    stray.add("stray-argument", -1);
    po::variables_map vm;
    try
    {
        po::store(po::command_line_parser(argc, argv)
                      .options(parsed)
                      .positional(stray)
                      .style(po::command_line_style::default_style
                             & ~po::command_line_style::allow_guessing)
                      .run(),
                  vm);
    }
    catch (const po::unknown_option& e)
    {
        throw ScenarioError("unknown option '" + e.get_option_name()
                            + "'; tcp-lifecycle --help lists them");
    }
    catch (const po::error& e)
    {
        throw ScenarioError(std::string(e.what()) + "; tcp-lifecycle --help explains the options");
    }
    if (vm.count("stray-argument"))
    {
        throw ScenarioError("unexpected argument '"
                            + vm["stray-argument"].as<std::vector<std::string>>().front()
                            + "'; options start with --, e.g. --config FILE or --link.delay=10ms");
    }
    if (vm.count("help"))
    {
        help << all << "\n";
        return ParseResult::HELP;
    }

    // Defaults, then the file, then the command line.
    std::map<std::string, Given> values;
    for (const auto& group : Groups())
    {
        for (const auto& spec : group.specs)
        {
            values[spec.name] = Given{spec.value, "default"};
        }
    }
    if (vm.count("config"))
    {
        options.config = vm["config"].as<std::string>();
        for (auto& [name, given] : ReadIni(options.config, known))
        {
            values[name] = given;
        }
    }
    for (const auto& [name, value] : vm)
    {
        if (name != "config" && name != "help" && name != "stray-argument")
        {
            values[name] = Given{value.as<std::string>(), "command line"};
        }
    }

    Resolver r(values);
    ScenarioOptions& o = options;
    for (const auto& [name, given] : values)
    {
        o.values[name] = given.value;
    }

    // Run (an emulation's name says which end the host is)
    o.emulate = r.Choice("emulate", {"none", "server", "client"});
    std::string unnamed = o.emulate == "none" ? "default" : "emulate-" + o.emulate;
    o.name = r.Raw("name").empty() ? (o.config.empty() ? unnamed : Stem(o.config)) : r.Raw("name");
    static const std::regex safeName("^[A-Za-z0-9._-]+$");
    if (!std::regex_match(o.name, safeName))
    {
        r.Fail("name", "is not a plain name; use letters, digits, '.', '_' and '-'");
    }
    o.values["name"] = o.name;
    o.out = r.Raw("out").empty() ? "results/" + o.name : r.Raw("out");
    o.stack = r.Choice("stack", {"custom", "ns3"});
    o.seed = static_cast<uint32_t>(r.Uint("seed", 1, 4294967295ULL));
    o.run = r.Uint("run", 1, 1ULL << 62);
    o.duration = r.Duration("duration");
    o.maxDuration = r.Duration("max-duration", ns3::MilliSeconds(1));
    o.pcap = r.Bool("pcap");
    o.progress = r.Bool("progress");
    o.series = r.Bool("metrics.series");
    o.segments = r.Bool("metrics.segments");

    // Topology
    o.topology = r.Choice("topology", {"p2p", "dumbbell"});
    o.rate = r.Rate("link.rate");
    o.delay = r.Duration("link.delay");
    o.queue = static_cast<uint32_t>(r.Uint("link.queue", 1, 1000000));
    o.lossForward = r.Probability("link.loss-forward");
    o.lossReverse = r.Probability("link.loss-reverse");
    o.reorder = r.Probability("link.reorder");
    o.reorderDelay = r.Duration("link.reorder-delay");
    o.duplicate = r.Probability("link.duplicate");
    o.duplicateDelay = r.Duration("link.duplicate-delay");
    o.downAt = r.Duration("link.down-at");
    o.downFor = r.Duration("link.down-for");
    if (o.downAt.IsStrictlyPositive() && !o.downFor.IsStrictlyPositive())
    {
        r.Fail("link.down-for", "must be above 0 when link.down-at is set");
    }
    o.pairs = static_cast<uint32_t>(r.Uint("dumbbell.pairs", 1, 250));
    if (o.emulate == "none" && o.topology == "p2p" && !r.IsDefault("dumbbell.pairs"))
    {
        r.Fail("dumbbell.pairs", "applies to topology = dumbbell only");
    }
    o.accessRate = r.Rate("dumbbell.access-rate");
    o.accessDelay = r.Duration("dumbbell.access-delay");

    // TCP
    o.msl = r.Duration("tcp.msl");
    o.segmentSize = static_cast<uint32_t>(r.Uint("tcp.segment-size", 100, 65495));
    o.sndBuf = static_cast<uint32_t>(r.Bytes("tcp.snd-buf", 1, 1ULL << 30));
    o.rcvBuf = static_cast<uint32_t>(r.Bytes("tcp.rcv-buf", 1, 1ULL << 30));
    o.initialCwnd = static_cast<uint32_t>(r.Uint("tcp.initial-cwnd", 1, 1000));
    o.synBacklog = static_cast<uint32_t>(r.Uint("tcp.syn-backlog", 0, 1000000));
    o.timestamps = r.Bool("tcp.timestamps");
    o.windowScaling = r.Bool("tcp.window-scaling");
    o.minRto = r.Duration("tcp.min-rto", ns3::MicroSeconds(1));
    o.connCount = static_cast<uint32_t>(r.Uint("tcp.conn-count", 1, 100));
    o.dataRetries = static_cast<uint32_t>(r.Uint("tcp.data-retries", 1, 100));
    o.nagle = r.Bool("tcp.nagle");
    o.checksums = r.Bool("tcp.checksums");

    // Workload
    o.workload = r.Choice("workload",
                          {"bulk",
                           "request-response",
                           "short",
                           "echo",
                           "hold",
                           "half-close",
                           "simultaneous-open",
                           "syn-flood"});
    o.start = r.Duration("start");
    o.closer = r.Choice("close", {"client", "server", "both"});
    o.closeDelay = r.Duration("close-delay");
    o.port = static_cast<uint16_t>(r.Uint("port", 1, 65535));
    o.clientPort = static_cast<uint16_t>(r.Uint("client-port", 0, 65535));
    o.bulkBytes = r.Bytes("bulk.bytes", 0, 1ULL << 40);
    o.bulkFlows = static_cast<uint32_t>(r.Uint("bulk.flows", 1, 1000));
    o.rrRequest = static_cast<uint32_t>(r.Bytes("rr.request", 1, 1ULL << 30));
    o.rrResponse = static_cast<uint32_t>(r.Bytes("rr.response", 1, 1ULL << 30));
    o.rrRequests = static_cast<uint32_t>(r.Uint("rr.requests", 1, 1000000));
    o.rrThink = r.Duration("rr.think");
    o.rrConnections = static_cast<uint32_t>(r.Uint("rr.connections", 1, 100000));
    o.shortCount = static_cast<uint32_t>(r.Uint("short.count", 1, 10000000));
    o.shortInterval = r.Duration("short.interval");
    o.shortRate = r.Real("short.rate", 0, 1e7, "a rate per second from 0 (fixed interval) up");
    o.shortBytes = static_cast<uint32_t>(r.Bytes("short.bytes", 0, 1ULL << 30));
    o.echoMessage = r.Raw("echo.message");
    o.echoReply = r.Raw("echo.reply");
    if (o.echoMessage.empty() || o.echoMessage.find('\n') != std::string::npos)
    {
        r.Fail("echo.message", "is not a line; give some text without a line break");
    }
    if (o.echoReply.empty())
    {
        r.Fail("echo.reply", "is empty; give some text");
    }
    o.holdCount = static_cast<uint32_t>(r.Uint("hold.count", 1, 1000000));
    o.holdBytes = static_cast<uint32_t>(r.Bytes("hold.bytes", 0, 1ULL << 30));
    o.halfCloseRequest = static_cast<uint32_t>(r.Bytes("half-close.request", 0, 1ULL << 30));
    o.halfCloseResponse = r.Bytes("half-close.response", 1, 1ULL << 40);
    o.floodRate = r.Real("syn-flood.rate", 0.001, 1e7, "SYNs per second, above 0");
    o.floodStart = r.Duration("syn-flood.start");
    o.floodDuration = r.Duration("syn-flood.duration", ns3::MilliSeconds(1));
    r.Network("syn-flood.network", o.floodNetwork, o.floodMask);

    // Connections that cannot fit: every client connection needs a port.
    uint64_t perClient = o.workload == "hold"                                 ? o.holdCount
                         : o.workload == "bulk"                               ? o.bulkFlows
                         : o.workload == "short" || o.workload == "syn-flood" ? o.shortCount
                                                                              : 1;
    if (o.workload == "hold" && o.holdCount > 16384)
    {
        r.Fail("hold.count", "is more connections than one client has ports for (at most 16384)");
    }
    if (o.clientPort != 0 && perClient > 1 && o.workload != "short")
    {
        r.Fail("client-port",
               "fixes the port of a single connection; this workload opens "
                   + std::to_string(perClient));
    }

    // Events
    o.crashNode = r.Choice("crash.node", {"none", "client", "server"});
    o.crashAt = r.Duration("crash.at");
    o.rebootAt = r.Duration("crash.reboot-at");
    if (o.crashNode != "none" && !o.crashAt.IsStrictlyPositive())
    {
        r.Fail("crash.at", "must be above 0 when crash.node is set");
    }
    if (o.rebootAt.IsStrictlyPositive() && o.rebootAt <= o.crashAt)
    {
        r.Fail("crash.reboot-at", "must come after crash.at");
    }
    o.dropToServer = r.Drops("drop.to-server");
    o.dropToClient = r.Drops("drop.to-client");
    for (const auto& rule : o.dropToClient)
    {
        if (rule.kind == "last-ack")
        {
            r.Fail("drop.to-client",
                   "has last-ack, which only the server receives (its FIN's "
                   "ACK); use it in drop.to-server");
        }
    }
    o.oldSynAt = r.Duration("inject.old-syn-at");
    if (o.oldSynAt.IsStrictlyPositive() && o.clientPort == 0)
    {
        r.Fail("inject.old-syn-at", "needs client-port: the old SYN comes from the client's port");
    }

    // Emulation
    o.emulateService = r.Choice("emulate.service", {"echo", "discard", "bulk", "http"});
    if (o.emulate == "client" && o.emulateService == "http")
    {
        r.Fail("emulate.service",
               "is a server's service; with emulate = client give echo, discard or bulk");
    }
    o.emulateConnections = static_cast<uint32_t>(r.Uint("emulate.connections", 0, 1000000));
    if (o.emulate == "client" && o.emulateConnections == 0)
    {
        r.Fail("emulate.connections",
               "must be at least 1 with emulate = client: it is the connections the client opens");
    }
    o.emulateDevice = r.Raw("emulate.device");
    static const std::regex deviceName("^[A-Za-z0-9_.-]{1,15}$");
    if (!std::regex_match(o.emulateDevice, deviceName))
    {
        r.Fail("emulate.device",
               "is not a device name; use 1 to 15 letters, digits, '.', '_' or '-'");
    }
    ns3::Ipv4Mask emulateMask;
    r.Network("emulate.network", o.emulateNetwork, emulateMask);
    if (emulateMask.GetPrefixLength() > 23)
    {
        r.Fail("emulate.network",
               "has no room for two /24 networks; give a prefix length of 23 or less, e.g. "
               "10.77.0.0/23");
    }
    if (o.emulate != "none")
    {
        if (o.closer == "both")
        {
            r.Fail("close",
                   "needs both ends in the simulation; with emulate give client or server");
        }
        if (!r.IsDefault("tcp.checksums") && !o.checksums)
        {
            r.Fail("tcp.checksums",
                   "must be true in an emulation: Linux drops segments without valid checksums");
        }
        o.checksums = true;
        o.values["tcp.checksums"] = "true";
    }
    // Options given that do not apply to this kind of run.
    for (const auto& group : Groups())
    {
        for (const auto& spec : group.specs)
        {
            std::string only = AppliesOnlyTo(spec.name, o.emulate, o.topology);
            if (!only.empty() && !r.IsDefault(spec.name))
            {
                r.Fail(spec.name, "applies to " + only);
            }
        }
    }
    return ParseResult::RUN;
}

} // namespace tcplc
