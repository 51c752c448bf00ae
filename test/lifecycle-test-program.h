/*
 * Test helpers: run a program of the project (tcp-lifecycle, plots/plot-run
 * ...) as users run it -- a child process in a folder -- and read what it
 * left behind.
 */
#ifndef LIFECYCLE_TEST_PROGRAM_H
#define LIFECYCLE_TEST_PROGRAM_H

#include <string>
#include <vector>

namespace ns3
{
namespace lifecycle_test
{

/// What a run of a program gave.
struct Outcome
{
    int status{-1};  //!< exit status (128 + signal when killed)
    std::string out; //!< stdout
    std::string err; //!< stderr
};

/**
 * \brief Run \p program with \p args in the working folder \p folder, stdin
 * empty, stdout and stderr captured (through files .stdout and .stderr in
 * \p folder).
 * \param program the program's path
 * \param folder the working folder
 * \param args its arguments (passed as they are, no shell expansion)
 * \return exit status and output
 */
Outcome RunIn(const std::string& program,
              const std::string& folder,
              const std::vector<std::string>& args);

/// \return the contents of \p path ("" when unreadable)
std::string Slurp(const std::string& path);

} // namespace lifecycle_test
} // namespace ns3

#endif /* LIFECYCLE_TEST_PROGRAM_H */
