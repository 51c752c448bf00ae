/*
 * tcp-lifecycle: what an emulation needs from the machine, checked before
 * ns-3 is touched, so that a missing piece is reported in one line saying
 * what is wrong and how to fix it instead of failing deep inside ns-3.
 *
 * ns-3's TapBridge (ConfigureLocal mode) forks a helper program,
 * tap-creator, which opens /dev/net/tun, creates the tap device and gives it
 * an address; the helper needs root or CAP_NET_ADMIN. Debian's ns-3 3.37
 * runs the helper from the path it had in the package's build tree (compiled
 * into libns3-tap-bridge), while package ns3 installs it as
 * /usr/libexec/ns3/ns3.37-tap-creator: a symlink at the expected path
 * (scripts/setup makes it) bridges the two.
 *
 * And, for safety: the tap and its address must not land in the machine's
 * own network namespace. An emulation runs only inside a namespace made with
 * "ip netns add" (one of /run/netns/), as scripts/netns-run does.
 */
#ifndef LIFECYCLE_TCP_EMULATION_ENVIRONMENT_H
#define LIFECYCLE_TCP_EMULATION_ENVIRONMENT_H

#include <string>

namespace ns3
{

/**
 * \ingroup tcp-lifecycle
 * \brief Checks the prerequisites of an emulation through a tap device.
 */
class LifecycleTcpEmulationEnvironment
{
  public:
    /**
     * \brief Check everything an emulation needs, in order: root or
     * CAP_NET_ADMIN, /dev/net/tun, the tap-creator helper where the TapBridge
     * library runs it from, a network namespace made with "ip netns add",
     * and no device named \p device in it yet.
     * \param device the name the tap device will have
     * \param command how the program is run, for the advice given (e.g.
     * "build/bin/tcp-lifecycle --emulate=server")
     * \return an empty string when all is there; otherwise one line saying
     * what is missing and how to provide it
     */
    static std::string Check(const std::string& device, const std::string& command);

    /**
     * \return the path from which the TapBridge library this program runs
     * with executes its tap-creator helper, read from the library itself
     * (empty when it cannot be found)
     */
    static std::string TapCreatorPath();

    /**
     * \return where package ns3 installs the helper that TapCreatorPath()
     * names (/usr/libexec/ns3/<its file name>)
     */
    static std::string InstalledTapCreator();

    /// \return true when this process has CAP_NET_ADMIN (root has it)
    static bool HasNetAdmin();

    /// \return the name of the "ip netns" namespace this process is in (empty: none)
    static std::string NamespaceName();
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_EMULATION_ENVIRONMENT_H */
