/*
 * Test helpers for the metrics files: a scratch folder per test and readers
 * for the CSV files and summary.json.
 */
#ifndef LIFECYCLE_TEST_METRICS_H
#define LIFECYCLE_TEST_METRICS_H

#include <map>
#include <string>
#include <vector>

namespace ns3
{
namespace lifecycle_test
{

/// One CSV row, by column name.
using CsvRow = std::map<std::string, std::string>;

/**
 * \brief A CSV file of the metrics: its header and rows.
 */
struct CsvFile
{
    std::vector<std::string> header;           //!< column names, in order
    std::vector<CsvRow> rows;                  //!< the rows
    std::vector<std::string> duplicateColumns; //!< names that appear more than once in the header

    /**
     * \brief Read \p path; an unreadable file gives no header and no rows.
     * Fields hold no commas or quotes in these files.
     */
    static CsvFile Read(const std::string& path);
    /// \return the rows where \p column equals \p value
    std::vector<CsvRow> Where(const std::string& column, const std::string& value) const;
};

/**
 * \brief A fresh, empty folder under the system's temporary folder, removed
 * with everything in it when the object goes.
 */
class ScratchFolder
{
  public:
    /// \param name a name for the folder (the test's)
    explicit ScratchFolder(const std::string& name);
    ~ScratchFolder();
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    /// \return the folder's path
    const std::string& Path() const;
    /// \return the path of \p file in it
    std::string File(const std::string& file) const;

  private:
    std::string m_path;
};

/// \return the whole content of \p path ("" when unreadable)
std::string ReadText(const std::string& path);

/**
 * \brief A parsed JSON value (enough of JSON for summary.json).
 */
struct Json
{
    /// The kinds of value.
    enum Kind
    {
        NUL,
        BOOL,
        NUMBER,
        STRING,
        ARRAY,
        OBJECT
    };
    Kind kind{NUL};                     //!< which
    bool boolean{false};                //!< a BOOL's value
    double number{0};                   //!< a NUMBER's value
    std::string text;                   //!< a STRING's value, or a NUMBER as written
    std::vector<Json> items;            //!< an ARRAY's items
    std::map<std::string, Json> fields; //!< an OBJECT's fields

    /**
     * \brief Parse \p text.
     * \param error set to a message when \p text is not valid JSON
     * \return the value (NUL on error)
     */
    static Json Parse(const std::string& text, std::string* error);
    /// \return field \p key of an object (a NUL value when absent)
    const Json& operator[](const std::string& key) const;
    /// \return item \p i of an array (a NUL value when absent)
    const Json& operator[](size_t i) const;
    /// \return true when this is an object with field \p key
    bool Has(const std::string& key) const;
};

} // namespace lifecycle_test
} // namespace ns3

#endif /* LIFECYCLE_TEST_METRICS_H */
