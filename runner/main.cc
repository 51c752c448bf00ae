/*
 * tcp-lifecycle: run one scenario on this TCP model or on ns-3's native TCP
 * and write per-connection metrics. tcp-lifecycle --help lists the options;
 * scenarios/ has scenario files. With no option at all, a built-in default
 * scenario runs.
 *
 * Exit status: 0 success; 1 the run could not write its results; 2 bad input
 * (an unknown option, a bad value, an unreadable scenario file, an output
 * folder that cannot be written); 3 an emulation's environment is missing
 * (root or CAP_NET_ADMIN, /dev/net/tun, ns-3's tap-creator helper where its
 * library runs it from, a network namespace made with ip netns add) --
 * each reported in one line, before anything runs.
 */
#include "scenario-options.h"
#include "scenario-run.h"

#include "ns3/lifecycle-tcp-emulation-environment.h"

#include <iostream>
#include <unistd.h>
#include <vector>

namespace
{
/// \return the command line, quoted for the shell where needed
std::string
CommandLine(int argc, char* argv[])
{
    std::string line;
    for (int i = 0; i < argc; ++i)
    {
        std::string a = argv[i];
        bool plain = a.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                         "0123456789-_./=:,+%@")
                     == std::string::npos;
        std::string quoted = "'";
        for (char c : a)
        {
            quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
        }
        line += (i ? " " : "") + (plain && !a.empty() ? a : quoted + "'");
    }
    return line;
}
} // namespace

int
main(int argc, char* argv[])
{
    try
    {
        std::vector<const char*> args(argv, argv + argc);
        if (argc == 1)
        {
            // The built-in default: twenty short connections over a lossy
            // link, enough to see handshakes, closes, TIME_WAIT and a few
            // retransmissions.
            std::cout << "tcp-lifecycle: no options, so the built-in default scenario runs: 20 "
                         "short connections (20 kB each, 250 ms apart) over 10 Mbps, 10 ms, 1 % "
                         "loss each way.\n(tcp-lifecycle --help lists the options; scenarios/ "
                         "has more.)\n";
            args.push_back("--short.bytes=20kB");
            args.push_back("--link.loss-forward=0.01");
            args.push_back("--link.loss-reverse=0.01");
        }
        tcplc::ScenarioOptions options;
        if (tcplc::ParseScenario(static_cast<int>(args.size()), args.data(), options, std::cout)
            == tcplc::ParseResult::HELP)
        {
            return 0;
        }
        if (options.emulate != "none")
        {
            // Before ns-3 is touched: what the tap device needs, and a namespace of its own.
            std::string problem = ns3::LifecycleTcpEmulationEnvironment::Check(
                options.emulateDevice, CommandLine(argc, argv));
            if (!problem.empty())
            {
                std::cerr << "tcp-lifecycle: " << problem << "\n";
                return 3;
            }
        }
        return tcplc::RunScenario(options, std::cout, std::cerr, isatty(STDERR_FILENO) != 0);
    }
    catch (const tcplc::ScenarioError& e)
    {
        std::cerr << "tcp-lifecycle: " << e.what() << "\n";
        return 2;
    }
}
