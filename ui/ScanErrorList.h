#pragma once
// The files the last scans could not read: path and reason, newest first.

#include "catalog/ScanError.h"

#include <QTreeWidget>

namespace cairn {

class ScanErrorList : public QTreeWidget
{
    Q_OBJECT
public:
    explicit ScanErrorList(QWidget *parent = nullptr);

    void setErrors(const QList<ScanError> &errors);
};

} // namespace cairn
