/*
 * tcp-lifecycle: run one scenario on this TCP model or on ns-3's native TCP
 * and write per-connection metrics. tcp-lifecycle --help lists the options;
 * scenarios/ has scenario files. With no option at all, a built-in default
 * scenario runs.
 *
 * Exit status: 0 success; 1 the run could not write its results; 2 bad input
 * (an unknown option, a bad value, an unreadable scenario file, an output
 * folder that cannot be written), reported in one line.
 */
#include "scenario-options.h"
#include "scenario-run.h"

#include <iostream>
#include <unistd.h>
#include <vector>

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
        return tcplc::RunScenario(options, std::cout, std::cerr, isatty(STDERR_FILENO) != 0);
    }
    catch (const tcplc::ScenarioError& e)
    {
        std::cerr << "tcp-lifecycle: " << e.what() << "\n";
        return 2;
    }
}
