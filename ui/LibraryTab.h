#pragma once
// The Library tab: the folders Cairn serves (add, remove, rescan), scan progress, the track
// count and the files that could not be read. Writes go through LibraryFolderWriter on the
// scanner's thread; the GUI thread only does short catalog reads.

#include "catalog/FolderRepository.h"
#include "catalog/ScanErrorRepository.h"
#include "catalog/TrackRepository.h"

#include <QWidget>

#include <functional>

class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace cairn {

class Database;
class LibraryFolderWriter;
class LibraryScanner;
class ScanErrorList;
class ScanStatusPanel;

class LibraryTab : public QWidget
{
    Q_OBJECT
public:
    LibraryTab(const Database &db, LibraryScanner &scanner, QWidget *parent = nullptr);
    ~LibraryTab() override;

    // Returns the folder to add, or an empty string when the user cancelled. Defaults to
    // QFileDialog::getExistingDirectory; tests replace it.
    void setFolderPicker(std::function<QString()> picker);
    // Asks whether the folder at `path` may be removed. Defaults to a QMessageBox question.
    void setRemovalConfirmation(std::function<bool(const QString &path)> confirm);

private:
    void buildLayout();
    void connectScanner();

    void addFolder();
    void removeSelectedFolder();
    void rescan();

    void onFolderAdded(qint64 folderId, const QString &path);
    void onFolderAddFailed(const QString &path);
    void onFolderRemoved(qint64 folderId, bool ok);

    void refreshFolders();
    void refreshTrackCount();
    void refreshErrors();
    void updateButtons();

    QString pickFolderWithDialog();
    bool confirmRemovalWithDialog(const QString &path);

    FolderRepository m_folders;
    TrackRepository m_tracks;
    ScanErrorRepository m_errors;
    LibraryScanner &m_scanner;
    LibraryFolderWriter *m_writer;   // lives on the scanner's thread
    std::function<QString()> m_pickFolder;
    std::function<bool(const QString &)> m_confirmRemoval;

    QListWidget *m_folderList;
    QPushButton *m_addButton;
    QPushButton *m_removeButton;
    QPushButton *m_rescanButton;
    QLabel *m_message;
    ScanStatusPanel *m_status;
    QGroupBox *m_errorBox;
    ScanErrorList *m_errorList;
};

} // namespace cairn
