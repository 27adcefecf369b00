#pragma once
// The Logs tab: the application's log as it happens (level, category and text filters, follows
// the newest line while scrolled to the bottom), copy of what is shown, and the data folder
// opened in the file manager.

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTableView;

namespace cairn {

class LogFilterModel;
class LogJournal;
class LogTableModel;

class LogsTab : public QWidget
{
    Q_OBJECT
public:
    LogsTab(const LogJournal &journal, QString dataDir, QWidget *parent = nullptr);

    // The lines shown (after filtering), as copied.
    QStringList shownLines() const;

private:
    void applyLevel();
    void applyCategory();
    void copyShown();
    void openDataFolder();

    QString m_dataDir;
    LogTableModel *m_model;
    LogFilterModel *m_filter;
    QTableView *m_table;
    QComboBox *m_level;
    QComboBox *m_category;
    QLineEdit *m_search;
    QPushButton *m_copy;
    QPushButton *m_openFolder;
    bool m_following = true;   // the view was at its newest line when rows began to arrive
};

} // namespace cairn
