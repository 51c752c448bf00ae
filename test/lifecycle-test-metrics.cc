/*
 * Test helpers for the metrics files.
 */
#include "lifecycle-test-metrics.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <unistd.h>

namespace ns3
{
namespace lifecycle_test
{

namespace
{
/// \return \p line split at commas
std::vector<std::string>
Split(const std::string& line)
{
    std::vector<std::string> out;
    std::string field;
    for (char c : line)
    {
        if (c == ',')
        {
            out.push_back(field);
            field.clear();
        }
        else
        {
            field += c;
        }
    }
    out.push_back(field);
    return out;
}
} // namespace

CsvFile
CsvFile::Read(const std::string& path)
{
    CsvFile f;
    std::ifstream in(path);
    std::string line;
    if (!std::getline(in, line))
    {
        return f;
    }
    f.header = Split(line);
    std::set<std::string> seen;
    for (const auto& column : f.header)
    {
        if (!seen.insert(column).second)
        {
            f.duplicateColumns.push_back(column); // a reader could not tell them apart
        }
    }
    while (std::getline(in, line))
    {
        std::vector<std::string> fields = Split(line);
        CsvRow row;
        for (size_t i = 0; i < f.header.size(); ++i)
        {
            row[f.header[i]] = i < fields.size() ? fields[i] : "<missing column>";
        }
        if (fields.size() != f.header.size())
        {
            row["<error>"] = "row has " + std::to_string(fields.size()) + " fields, header "
                             + std::to_string(f.header.size());
        }
        f.rows.push_back(row);
    }
    return f;
}

std::vector<CsvRow>
CsvFile::Where(const std::string& column, const std::string& value) const
{
    std::vector<CsvRow> out;
    for (const auto& r : rows)
    {
        auto it = r.find(column);
        if (it != r.end() && it->second == value)
        {
            out.push_back(r);
        }
    }
    return out;
}

ScratchFolder::ScratchFolder(const std::string& name)
{
    auto path = std::filesystem::temp_directory_path()
                / ("tcp-lifecycle-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
    m_path = path.string();
}

ScratchFolder::~ScratchFolder()
{
    std::error_code ec;
    std::filesystem::permissions(m_path, std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(m_path, ec);
}

const std::string&
ScratchFolder::Path() const
{
    return m_path;
}

std::string
ScratchFolder::File(const std::string& file) const
{
    return (std::filesystem::path(m_path) / file).string();
}

std::string
ReadText(const std::string& path)
{
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// ---------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------

namespace
{
/// Recursive-descent JSON parser over a string.
class JsonParser
{
  public:
    explicit JsonParser(const std::string& t)
        : m_t(t)
    {
    }

    Json ParseAll(std::string* error)
    {
        Json v = Value();
        Space();
        if (m_error.empty() && m_i != m_t.size())
        {
            Fail("text after the value");
        }
        if (error)
        {
            *error = m_error;
        }
        return m_error.empty() ? v : Json{};
    }

  private:
    void Fail(const std::string& why)
    {
        if (m_error.empty())
        {
            m_error = why + " at offset " + std::to_string(m_i);
        }
    }

    void Space()
    {
        while (m_i < m_t.size() && std::isspace(static_cast<unsigned char>(m_t[m_i])))
        {
            ++m_i;
        }
    }

    bool Eat(char c)
    {
        Space();
        if (m_i < m_t.size() && m_t[m_i] == c)
        {
            ++m_i;
            return true;
        }
        return false;
    }

    bool Word(const std::string& w)
    {
        if (m_t.compare(m_i, w.size(), w) == 0)
        {
            m_i += w.size();
            return true;
        }
        return false;
    }

    std::string String()
    {
        std::string s;
        if (!Eat('"'))
        {
            Fail("expected a string");
            return s;
        }
        while (m_i < m_t.size() && m_t[m_i] != '"')
        {
            if (m_t[m_i] == '\\' && m_i + 1 < m_t.size())
            {
                ++m_i;
            }
            s += m_t[m_i++];
        }
        if (m_i >= m_t.size())
        {
            Fail("unterminated string");
        }
        ++m_i;
        return s;
    }

    Json Value()
    {
        Json v;
        Space();
        if (m_i >= m_t.size())
        {
            Fail("unexpected end");
            return v;
        }
        char c = m_t[m_i];
        if (c == '{')
        {
            ++m_i;
            v.kind = Json::OBJECT;
            if (Eat('}'))
            {
                return v;
            }
            do
            {
                std::string key = String();
                if (!Eat(':'))
                {
                    Fail("expected ':'");
                    return v;
                }
                v.fields[key] = Value();
            } while (m_error.empty() && Eat(','));
            if (!Eat('}'))
            {
                Fail("expected '}'");
            }
        }
        else if (c == '[')
        {
            ++m_i;
            v.kind = Json::ARRAY;
            if (Eat(']'))
            {
                return v;
            }
            do
            {
                v.items.push_back(Value());
            } while (m_error.empty() && Eat(','));
            if (!Eat(']'))
            {
                Fail("expected ']'");
            }
        }
        else if (c == '"')
        {
            v.kind = Json::STRING;
            v.text = String();
        }
        else if (Word("null"))
        {
            v.kind = Json::NUL;
        }
        else if (Word("true") || Word("false"))
        {
            v.kind = Json::BOOL;
            v.boolean = m_t[m_i - 1] == 'e' && m_t[m_i - 2] == 'u';
        }
        else
        {
            size_t start = m_i;
            while (m_i < m_t.size()
                   && (std::isdigit(static_cast<unsigned char>(m_t[m_i]))
                       || std::string("+-.eE").find(m_t[m_i]) != std::string::npos))
            {
                ++m_i;
            }
            if (start == m_i)
            {
                Fail("unexpected character");
                return v;
            }
            v.kind = Json::NUMBER;
            v.text = m_t.substr(start, m_i - start);
            v.number = std::strtod(v.text.c_str(), nullptr);
        }
        return v;
    }

    const std::string& m_t;
    size_t m_i{0};
    std::string m_error;
};

const Json kNull{};
} // namespace

Json
Json::Parse(const std::string& text, std::string* error)
{
    return JsonParser(text).ParseAll(error);
}

const Json&
Json::operator[](const std::string& key) const
{
    auto it = fields.find(key);
    return it == fields.end() ? kNull : it->second;
}

const Json&
Json::operator[](size_t i) const
{
    return i < items.size() ? items[i] : kNull;
}

bool
Json::Has(const std::string& key) const
{
    return kind == OBJECT && fields.count(key) != 0;
}

} // namespace lifecycle_test
} // namespace ns3
