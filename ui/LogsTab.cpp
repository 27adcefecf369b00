#include "LogsTab.h"

#include "LogFilterModel.h"
#include "LogTableModel.h"

#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

LogsTab::LogsTab(const LogJournal &journal, QString dataDir, QWidget *parent)
    : QWidget(parent)
    , m_dataDir(std::move(dataDir))
    , m_model(new LogTableModel(journal, this))
    , m_filter(new LogFilterModel(this))
    , m_table(new QTableView(this))
    , m_level(new QComboBox(this))
    , m_category(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_copy(new QPushButton(tr("Copy"), this))
    , m_openFolder(new QPushButton(tr("Open data folder"), this))
{
    m_table->setObjectName(u"logTable"_s);
    m_level->setObjectName(u"logLevelFilter"_s);
    m_category->setObjectName(u"logCategoryFilter"_s);
    m_search->setObjectName(u"logSearch"_s);
    m_copy->setObjectName(u"copyLogButton"_s);
    m_openFolder->setObjectName(u"openDataFolderButton"_s);

    m_filter->setSourceModel(m_model);
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);   // no per-row measuring
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(LogTableModel::Category, QHeaderView::ResizeToContents);

    m_level->addItem(tr("Everything"), int(QtDebugMsg));
    m_level->addItem(tr("Information and above"), int(QtInfoMsg));
    m_level->addItem(tr("Warnings and errors"), int(QtWarningMsg));
    m_level->addItem(tr("Errors only"), int(QtCriticalMsg));
    m_level->setCurrentIndex(1);
    m_category->addItem(tr("All categories"), QString());
    for (const QString &category : m_model->categories())
        m_category->addItem(category, category);
    m_search->setPlaceholderText(tr("Search the log"));
    m_search->setClearButtonEnabled(true);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_level);
    filters->addWidget(m_category);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_copy);
    filters->addWidget(m_openFolder);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);

    connect(m_level, &QComboBox::currentIndexChanged, this, &LogsTab::applyLevel);
    connect(m_category, &QComboBox::currentIndexChanged, this, &LogsTab::applyCategory);
    connect(m_search, &QLineEdit::textChanged, m_filter, &LogFilterModel::setSearch);
    connect(m_copy, &QPushButton::clicked, this, &LogsTab::copyShown);
    connect(m_openFolder, &QPushButton::clicked, this, &LogsTab::openDataFolder);
    connect(m_model, &LogTableModel::categoryAdded, this, [this](const QString &category) {
        m_category->addItem(category, category);
    });
    // Follows the newest line, unless the user scrolled up to read.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        QScrollBar *bar = m_table->verticalScrollBar();
        m_following = bar->value() == bar->maximum();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_following)
            m_table->scrollToBottom();
    });
    applyLevel();
}

QStringList LogsTab::shownLines() const
{
    QStringList lines;
    lines.reserve(m_filter->rowCount());
    for (int row = 0; row < m_filter->rowCount(); ++row)
        lines << m_model->lineOf(m_filter->mapToSource(m_filter->index(row, 0)).row());
    return lines;
}

void LogsTab::applyLevel()
{
    m_filter->setMinimumLevel(QtMsgType(m_level->currentData().toInt()));
}

void LogsTab::applyCategory()
{
    m_filter->setCategory(m_category->currentData().toString());
}

void LogsTab::copyShown()
{
    QGuiApplication::clipboard()->setText(shownLines().join(u'\n') + u'\n');
}

void LogsTab::openDataFolder()
{
    QDesktopServices::openUrl(QUrl::fromLocalFile(m_dataDir));
}

} // namespace cairn
