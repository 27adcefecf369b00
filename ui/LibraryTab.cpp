#include "LibraryTab.h"

#include "LibraryFolderWriter.h"
#include "ScanErrorList.h"
#include "ScanStatusPanel.h"
#include "scan/LibraryScanner.h"

#include <QDir>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcLibraryTab, "cairn.ui.library")

namespace cairn {

LibraryTab::LibraryTab(const Database &db, LibraryScanner &scanner, QWidget *parent)
    : QWidget(parent)
    , m_folders(db)
    , m_tracks(db)
    , m_errors(db)
    , m_scanner(scanner)
    , m_writer(new LibraryFolderWriter(db))
    , m_pickFolder([this] { return pickFolderWithDialog(); })
    , m_confirmRemoval([this](const QString &path) { return confirmRemovalWithDialog(path); })
    , m_folderList(new QListWidget(this))
    , m_addButton(new QPushButton(tr("Add folder…"), this))
    , m_removeButton(new QPushButton(tr("Remove"), this))
    , m_rescanButton(new QPushButton(tr("Rescan"), this))
    , m_message(new QLabel(this))
    , m_status(new ScanStatusPanel(this))
    , m_errorBox(new QGroupBox(this))
    , m_errorList(new ScanErrorList(this))
{
    m_folderList->setObjectName(u"folderList"_s);
    m_addButton->setObjectName(u"addFolderButton"_s);
    m_removeButton->setObjectName(u"removeFolderButton"_s);
    m_rescanButton->setObjectName(u"rescanButton"_s);
    m_message->setObjectName(u"libraryMessageLabel"_s);
    buildLayout();

    m_writer->moveToThread(m_scanner.thread());
    connect(m_writer, &LibraryFolderWriter::added, this, &LibraryTab::onFolderAdded);
    connect(m_writer, &LibraryFolderWriter::addFailed, this, &LibraryTab::onFolderAddFailed);
    connect(m_writer, &LibraryFolderWriter::removed, this, &LibraryTab::onFolderRemoved);
    connectScanner();

    connect(m_addButton, &QPushButton::clicked, this, &LibraryTab::addFolder);
    connect(m_removeButton, &QPushButton::clicked, this, &LibraryTab::removeSelectedFolder);
    connect(m_rescanButton, &QPushButton::clicked, this, &LibraryTab::rescan);
    connect(m_folderList, &QListWidget::currentItemChanged, this, &LibraryTab::updateButtons);

    refreshFolders();
    refreshTrackCount();
    refreshErrors();
    if (m_scanner.isScanning())
        m_status->showScanStarted();
}

LibraryTab::~LibraryTab()
{
    // The writer belongs to the scanner's thread: that thread deletes it, or we do once it
    // has stopped (then nothing else can touch the writer).
    if (m_writer->thread() && m_writer->thread()->isRunning())
        m_writer->deleteLater();
    else
        delete m_writer;
}

void LibraryTab::setFolderPicker(std::function<QString()> picker)
{
    m_pickFolder = std::move(picker);
}

void LibraryTab::setRemovalConfirmation(std::function<bool(const QString &)> confirm)
{
    m_confirmRemoval = std::move(confirm);
}

void LibraryTab::buildLayout()
{
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addWidget(m_rescanButton);
    buttons->addStretch();

    auto *folderBox = new QGroupBox(tr("Library folders"), this);
    auto *folderLayout = new QHBoxLayout(folderBox);
    folderLayout->addWidget(m_folderList, 1);
    folderLayout->addLayout(buttons);

    m_message->setWordWrap(true);
    m_message->hide();

    auto *errorLayout = new QVBoxLayout(m_errorBox);
    errorLayout->addWidget(m_errorList);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(folderBox, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_status);
    layout->addWidget(m_errorBox, 1);
}

void LibraryTab::connectScanner()
{
    connect(&m_scanner, &LibraryScanner::scanStarted, this, [this] {
        m_status->showScanStarted();
    });
    connect(&m_scanner, &LibraryScanner::progress, this, [this](const ScanProgress &progress) {
        m_status->showProgress(progress);
    });
    connect(&m_scanner, &LibraryScanner::scanFinished, this, [this](const ScanSummary &summary) {
        m_status->showScanFinished(summary);
        refreshTrackCount();
        refreshErrors();
    });
}

void LibraryTab::addFolder()
{
    const QString picked = m_pickFolder ? m_pickFolder() : QString();
    if (picked.isEmpty())
        return;
    const QString path = QDir::cleanPath(QDir(picked).absolutePath());
    m_message->setText(tr("Adding %1…").arg(QDir::toNativeSeparators(path)));
    m_message->show();
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, path] { writer->add(path); },
                              Qt::QueuedConnection);
}

void LibraryTab::removeSelectedFolder()
{
    const QListWidgetItem *item = m_folderList->currentItem();
    if (!item || !m_confirmRemoval || !m_confirmRemoval(item->text()))
        return;
    const qint64 id = item->data(Qt::UserRole).toLongLong();
    m_removeButton->setEnabled(false);
    m_message->setText(tr("Removing %1…").arg(item->text()));
    m_message->show();
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, id] { writer->remove(id); },
                              Qt::QueuedConnection);
}

void LibraryTab::rescan()
{
    m_scanner.requestScan();
}

void LibraryTab::onFolderAdded(qint64 folderId, const QString &path)
{
    qCInfo(lcLibraryTab) << "folder added" << folderId << path;
    m_message->hide();
    refreshFolders();
    rescan();
}

void LibraryTab::onFolderAddFailed(const QString &path)
{
    qCWarning(lcLibraryTab) << "could not add folder" << path;
    m_message->setText(tr("Could not add %1 to the library.").arg(QDir::toNativeSeparators(path)));
    m_message->show();
}

void LibraryTab::onFolderRemoved(qint64 folderId, bool ok)
{
    if (ok) {
        qCInfo(lcLibraryTab) << "folder removed" << folderId;
        m_message->hide();
    } else {
        qCWarning(lcLibraryTab) << "could not remove folder" << folderId;
        m_message->setText(tr("Could not remove the folder from the library."));
        m_message->show();
    }
    refreshFolders();
    refreshTrackCount();
    refreshErrors();
}

void LibraryTab::refreshFolders()
{
    const qint64 selected = m_folderList->currentItem()
                                ? m_folderList->currentItem()->data(Qt::UserRole).toLongLong()
                                : 0;
    m_folderList->clear();
    for (const Folder &folder : m_folders.list()) {
        auto *item = new QListWidgetItem(QDir::toNativeSeparators(folder.path), m_folderList);
        item->setData(Qt::UserRole, folder.id);
        if (folder.id == selected)
            m_folderList->setCurrentItem(item);
    }
    updateButtons();
}

void LibraryTab::refreshTrackCount()
{
    m_status->showTrackCount(m_tracks.count());
}

void LibraryTab::refreshErrors()
{
    const qint64 count = m_errors.count();
    m_errorList->setErrors(count > 0 ? m_errors.list() : QList<ScanError>());
    m_errorBox->setTitle(tr("Files that could not be read (%1)").arg(count));
}

void LibraryTab::updateButtons()
{
    m_removeButton->setEnabled(m_folderList->currentItem() != nullptr);
}

QString LibraryTab::pickFolderWithDialog()
{
    return QFileDialog::getExistingDirectory(this, tr("Add a folder to the library"),
                                             QDir::homePath());
}

bool LibraryTab::confirmRemovalWithDialog(const QString &path)
{
    const auto answer = QMessageBox::question(
        this, tr("Remove folder"),
        tr("Remove %1 from the library? Its tracks leave the catalog; the files on disk are "
           "not touched.")
            .arg(path));
    return answer == QMessageBox::Yes;
}

} // namespace cairn
