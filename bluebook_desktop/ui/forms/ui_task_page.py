# Generated from forms/task_page.ui by forms/compile_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'task_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QFrame,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QSplitter,
    QTableView, QVBoxLayout, QWidget)

class Ui_TaskPage(object):
    def setupUi(self, TaskPage):
        if not TaskPage.objectName():
            TaskPage.setObjectName(u"TaskPage")
        TaskPage.resize(1200, 720)
        self.mainLayout = QVBoxLayout(TaskPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.noteLabel = QLabel(TaskPage)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)
        self.noteLabel.setStyleSheet(u"color: #555555;")

        self.mainLayout.addWidget(self.noteLabel)

        self.noKeyTasksCheck = QCheckBox(TaskPage)
        self.noKeyTasksCheck.setObjectName(u"noKeyTasksCheck")

        self.mainLayout.addWidget(self.noKeyTasksCheck)

        self.noKeyTasksLabel = QLabel(TaskPage)
        self.noKeyTasksLabel.setObjectName(u"noKeyTasksLabel")
        self.noKeyTasksLabel.setWordWrap(True)
        self.noKeyTasksLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.mainLayout.addWidget(self.noKeyTasksLabel)

        self.splitter = QSplitter(TaskPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.tablePane = QWidget(self.splitter)
        self.tablePane.setObjectName(u"tablePane")
        self.tablePane.setMinimumSize(QSize(360, 0))
        self.tableLayout = QVBoxLayout(self.tablePane)
        self.tableLayout.setObjectName(u"tableLayout")
        self.tableLayout.setContentsMargins(0, 0, 0, 0)
        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.addButton = QPushButton(self.tablePane)
        self.addButton.setObjectName(u"addButton")

        self.buttonsLayout.addWidget(self.addButton)

        self.removeButton = QPushButton(self.tablePane)
        self.removeButton.setObjectName(u"removeButton")

        self.buttonsLayout.addWidget(self.removeButton)

        self.upButton = QPushButton(self.tablePane)
        self.upButton.setObjectName(u"upButton")

        self.buttonsLayout.addWidget(self.upButton)

        self.downButton = QPushButton(self.tablePane)
        self.downButton.setObjectName(u"downButton")

        self.buttonsLayout.addWidget(self.downButton)

        self.buttonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)


        self.tableLayout.addLayout(self.buttonsLayout)

        self.table = QTableView(self.tablePane)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setDragEnabled(True)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)

        self.tableLayout.addWidget(self.table)

        self.warningLabel = QLabel(self.tablePane)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setWordWrap(True)
        self.warningLabel.setStyleSheet(u"color: #8a6d3b;")

        self.tableLayout.addWidget(self.warningLabel)

        self.splitter.addWidget(self.tablePane)
        self.detailScroll = QScrollArea(self.splitter)
        self.detailScroll.setObjectName(u"detailScroll")
        self.detailScroll.setMinimumSize(QSize(360, 0))
        self.detailScroll.setWidgetResizable(True)
        self.detailScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detailContainer = QWidget()
        self.detailContainer.setObjectName(u"detailContainer")
        self.detailLayout = QVBoxLayout(self.detailContainer)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.detailScroll.setWidget(self.detailContainer)
        self.splitter.addWidget(self.detailScroll)

        self.mainLayout.addWidget(self.splitter)

        self.mainLayout.setStretch(3, 1)

        self.retranslateUi(TaskPage)

        QMetaObject.connectSlotsByName(TaskPage)
    # setupUi

    def retranslateUi(self, TaskPage):
        self.noKeyTasksCheck.setText(QCoreApplication.translate("TaskPage", u"\u672c\u5355\u4f4d\u672a\u627f\u62c5\uff08\u586b \u65e0\uff09", None))
#if QT_CONFIG(tooltip)
        self.noKeyTasksCheck.setToolTip(QCoreApplication.translate("TaskPage", u"\u52fe\u9009\u540e\uff0c\u6253\u5370\u65f6\u8868\u683c\u5404\u680f\u586b\u201c\u65e0\u201d\uff1b\u5df2\u586b\u5199\u7684\u4efb\u52a1\u4f1a\u4fdd\u7559\uff0c\u53d6\u6d88\u52fe\u9009\u5373\u53ef\u6062\u590d", None))
#endif // QT_CONFIG(tooltip)
        self.addButton.setText(QCoreApplication.translate("TaskPage", u"\u6dfb\u52a0\u4efb\u52a1", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("TaskPage", u"\u5728\u9009\u4e2d\u4efb\u52a1\u4e4b\u540e\u6dfb\u52a0\u4e00\u9879\u4efb\u52a1\uff08Insert\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.removeButton.setText(QCoreApplication.translate("TaskPage", u"\u5220\u9664\u4efb\u52a1", None))
#if QT_CONFIG(tooltip)
        self.removeButton.setToolTip(QCoreApplication.translate("TaskPage", u"\u5220\u9664\u9009\u4e2d\u7684\u4efb\u52a1\uff08Delete\uff09\uff0c\u53ef\u64a4\u9500", None))
#endif // QT_CONFIG(tooltip)
        self.upButton.setText(QCoreApplication.translate("TaskPage", u"\u4e0a\u79fb", None))
#if QT_CONFIG(tooltip)
        self.upButton.setToolTip(QCoreApplication.translate("TaskPage", u"\u628a\u9009\u4e2d\u7684\u4efb\u52a1\u4e0a\u79fb\u4e00\u884c\uff08Ctrl+\u2191\uff09\uff0c\u4e5f\u53ef\u62d6\u52a8\u884c\u8c03\u6574\u987a\u5e8f", None))
#endif // QT_CONFIG(tooltip)
        self.downButton.setText(QCoreApplication.translate("TaskPage", u"\u4e0b\u79fb", None))
#if QT_CONFIG(tooltip)
        self.downButton.setToolTip(QCoreApplication.translate("TaskPage", u"\u628a\u9009\u4e2d\u7684\u4efb\u52a1\u4e0b\u79fb\u4e00\u884c\uff08Ctrl+\u2193\uff09\uff0c\u4e5f\u53ef\u62d6\u52a8\u884c\u8c03\u6574\u987a\u5e8f", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

