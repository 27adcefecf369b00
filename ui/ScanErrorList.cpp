#include "ScanErrorList.h"

#include <QHeaderView>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

ScanErrorList::ScanErrorList(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(u"scanErrorList"_s);
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setHeaderLabels({tr("File"), tr("Reason"), tr("When")});
    header()->setSectionResizeMode(0, QHeaderView::Interactive);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(1, QHeaderView::Stretch);
}

void ScanErrorList::setErrors(const QList<ScanError> &errors)
{
    clear();
    QList<QTreeWidgetItem *> items;
    items.reserve(errors.size());
    for (const ScanError &error : errors) {
        const QString when = QLocale().toString(error.at.toLocalTime(), QLocale::ShortFormat);
        auto *item = new QTreeWidgetItem({error.path, error.reason, when});
        item->setToolTip(0, error.path);
        item->setToolTip(1, error.reason);
        items.append(item);
    }
    addTopLevelItems(items);
    if (!items.isEmpty())
        resizeColumnToContents(0);
}

} // namespace cairn
