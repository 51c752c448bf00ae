/*
 * Test helpers: run a program as a child process.
 */
#include "lifecycle-test-program.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace ns3
{
namespace lifecycle_test
{

namespace
{
/// \return \p s quoted for the shell
std::string
Quote(const std::string& s)
{
    std::string q = "'";
    for (char c : s)
    {
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return q + "'";
}
} // namespace

std::string
Slurp(const std::string& path)
{
    std::ifstream f(path);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

Outcome
RunIn(const std::string& program, const std::string& folder, const std::vector<std::string>& args)
{
    std::string command = "cd " + Quote(folder) + " && " + Quote(program);
    for (const auto& a : args)
    {
        command += " " + Quote(a);
    }
    command += " >.stdout 2>.stderr </dev/null";
    int raw = std::system(command.c_str());
    Outcome o;
    o.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    auto file = [&](const char* name)
    {
        return (std::filesystem::path(folder) / name).string();
    };
    o.out = Slurp(file(".stdout"));
    o.err = Slurp(file(".stderr"));
    return o;
}

} // namespace lifecycle_test
} // namespace ns3
