/*
 * tcp-lifecycle: the prerequisites of an emulation.
 */
#include "lifecycle-tcp-emulation-environment.h"

#include "ns3/tap-bridge.h"

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <net/if.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace ns3
{

namespace
{
/// Bit of CAP_NET_ADMIN in the capability sets of /proc/self/status.
constexpr int CAP_NET_ADMIN_BIT = 12;
/// Where package ns3 installs its helper programs.
const char* const LIBEXEC = "/usr/libexec/ns3/";
/// Where "ip netns add" keeps its namespaces.
const char* const NETNS_DIR = "/run/netns";
/// The file name of the helper, as every ns-3 version names it: ns3.<version>-tap-creator.
const char* const CREATOR_SUFFIX = "-tap-creator";
} // namespace

bool
LifecycleTcpEmulationEnvironment::HasNetAdmin()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
    {
        if (line.rfind("CapEff:", 0) == 0)
        {
            unsigned long long caps = std::stoull(line.substr(7), nullptr, 16);
            return (caps >> CAP_NET_ADMIN_BIT) & 1;
        }
    }
    return geteuid() == 0;
}

std::string
LifecycleTcpEmulationEnvironment::TapCreatorPath()
{
    // The library that holds TapBridge, as the dynamic linker loaded it.
    Dl_info info;
    if (dladdr(reinterpret_cast<void*>(&TapBridge::GetTypeId), &info) == 0 || !info.dli_fname)
    {
        return "";
    }
    std::ifstream lib(info.dli_fname, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(lib)), std::istreambuf_iterator<char>());
    // The path is a C string of the library: "/.../ns3.37-tap-creator".
    for (size_t at = bytes.find(CREATOR_SUFFIX); at != std::string::npos;
         at = bytes.find(CREATOR_SUFFIX, at + 1))
    {
        size_t end = at + std::strlen(CREATOR_SUFFIX);
        if (end < bytes.size() && bytes[end] != '\0')
        {
            continue;
        }
        size_t begin = bytes.rfind('\0', at);
        begin = begin == std::string::npos ? 0 : begin + 1;
        std::string path = bytes.substr(begin, end - begin);
        if (!path.empty() && path[0] == '/')
        {
            return path;
        }
    }
    return "";
}

std::string
LifecycleTcpEmulationEnvironment::InstalledTapCreator()
{
    std::string expected = TapCreatorPath();
    std::string name = expected.substr(expected.find_last_of('/') + 1);
    return std::string(LIBEXEC) + (name.empty() ? "ns3.37-tap-creator" : name);
}

std::string
LifecycleTcpEmulationEnvironment::NamespaceName()
{
    struct stat self;
    if (stat("/proc/self/ns/net", &self) != 0)
    {
        return "";
    }
    DIR* dir = opendir(NETNS_DIR);
    if (!dir)
    {
        return "";
    }
    std::string found;
    while (dirent* entry = readdir(dir))
    {
        std::string name = entry->d_name;
        struct stat ns;
        if (name != "." && name != ".."
            && stat((std::string(NETNS_DIR) + "/" + name).c_str(), &ns) == 0
            && ns.st_dev == self.st_dev && ns.st_ino == self.st_ino)
        {
            found = name;
            break;
        }
    }
    closedir(dir);
    return found;
}

std::string
LifecycleTcpEmulationEnvironment::Check(const std::string& device, const std::string& command)
{
    const std::string example = "sudo scripts/netns-run -- " + command;
    if (!HasNetAdmin())
    {
        return "emulation needs root (or CAP_NET_ADMIN) to create the tap device; run it as "
               "root inside a network namespace, e.g. "
               + example;
    }
    struct stat tun;
    if (stat("/dev/net/tun", &tun) != 0)
    {
        return "there is no /dev/net/tun, which tap devices are made with; load the module "
               "(sudo modprobe tun), or give the container the device (docker run --device "
               "/dev/net/tun --cap-add NET_ADMIN)";
    }
    int fd = open("/dev/net/tun", O_RDWR);
    if (fd < 0)
    {
        return std::string("/dev/net/tun cannot be opened (") + std::strerror(errno)
               + "); run as root, and in a container allow the device (docker run --device "
                 "/dev/net/tun --cap-add NET_ADMIN)";
    }
    close(fd);
    std::string creator = TapCreatorPath();
    if (creator.empty())
    {
        return "cannot read from ns-3's TapBridge library where it runs its tap-creator helper; "
               "is libns3-dev 3.37 installed as scripts/setup installs it?";
    }
    if (access(creator.c_str(), X_OK) != 0)
    {
        std::string installed = InstalledTapCreator();
        std::string dir = creator.substr(0, creator.find_last_of('/'));
        if (access(installed.c_str(), X_OK) != 0)
        {
            return "ns-3's TapBridge runs its helper " + creator + ", which is missing, and so is "
                   + installed + "; install package ns3 and link it: run ./scripts/setup as root";
        }
        return "ns-3's TapBridge runs its helper from " + creator
               + ", which does not exist (Debian installs it as " + installed
               + "); run ./scripts/setup as root, or: sudo mkdir -p " + dir + " && sudo ln -s "
               + installed + " " + creator;
    }
    if (NamespaceName().empty())
    {
        return "refusing to create the tap device here: this process is not in a network "
               "namespace made with 'ip netns add' (it may be the machine's own); run it in "
               "one, e.g. "
               + example;
    }
    if (if_nametoindex(device.c_str()) != 0)
    {
        return "a network device named '" + device + "' exists already in namespace "
               + NamespaceName()
               + "; give the tap another name, or use a fresh namespace (scripts/netns-run)";
    }
    return "";
}

} // namespace ns3
