# Generated from forms/schedule_editor.ui by forms/compile_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'schedule_editor.ui'
##
##
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ScheduleEditor(object):
    def setupUi(self, ScheduleEditor):
        if not ScheduleEditor.objectName():
            ScheduleEditor.setObjectName(u"ScheduleEditor")
        ScheduleEditor.resize(420, 260)
        self.mainLayout = QVBoxLayout(ScheduleEditor)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.emptyLabel = QLabel(ScheduleEditor)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setStyleSheet(u"color: palette(mid);")

        self.mainLayout.addWidget(self.emptyLabel)

        self.rowsWidget = QWidget(ScheduleEditor)
        self.rowsWidget.setObjectName(u"rowsWidget")
        self.rowsLayout = QVBoxLayout(self.rowsWidget)
        self.rowsLayout.setSpacing(6)
        self.rowsLayout.setObjectName(u"rowsLayout")
        self.rowsLayout.setContentsMargins(0, 0, 0, 0)

        self.mainLayout.addWidget(self.rowsWidget)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.addButton = QPushButton(ScheduleEditor)
        self.addButton.setObjectName(u"addButton")

        self.buttonsLayout.addWidget(self.addButton)

        self.buttonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)


        self.mainLayout.addLayout(self.buttonsLayout)

        self.previewTitle = QLabel(ScheduleEditor)
        self.previewTitle.setObjectName(u"previewTitle")

        self.mainLayout.addWidget(self.previewTitle)

        self.previewLabel = QLabel(ScheduleEditor)
        self.previewLabel.setObjectName(u"previewLabel")
        self.previewLabel.setTextFormat(Qt.TextFormat.RichText)
        self.previewLabel.setWordWrap(True)
        self.previewLabel.setFrameShape(QFrame.Shape.StyledPanel)
        self.previewLabel.setMargin(4)
        self.previewLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.previewLabel)


        self.retranslateUi(ScheduleEditor)

        QMetaObject.connectSlotsByName(ScheduleEditor)
    # setupUi

    def retranslateUi(self, ScheduleEditor):
        self.emptyLabel.setText(QCoreApplication.translate("ScheduleEditor", u"\u5c1a\u65e0\u8fdb\u5ea6\u5b89\u6392\u3002\u70b9\u51fb\u201c\u6dfb\u52a0\u6b65\u9aa4\u201d\uff0c\u6bcf\u4e00\u6b65\u52fe\u9009\u6240\u5728\u5b63\u5ea6\u5e76\u586b\u5199\u5185\u5bb9\u3002", None))
        self.addButton.setText(QCoreApplication.translate("ScheduleEditor", u"\u6dfb\u52a0\u6b65\u9aa4", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("ScheduleEditor", u"\u5728\u672b\u5c3e\u6dfb\u52a0\u4e00\u6b65\u8fdb\u5ea6\u5b89\u6392", None))
#endif // QT_CONFIG(tooltip)
        self.previewTitle.setText(QCoreApplication.translate("ScheduleEditor", u"\u6253\u5370\u6548\u679c\uff1a", None))
        pass
    # retranslateUi

