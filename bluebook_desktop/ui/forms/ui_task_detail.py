# Generated from forms/task_detail.ui by forms/compile_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'task_detail.ui'
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
from PySide6.QtWidgets import (QApplication, QButtonGroup, QFormLayout, QGridLayout,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QRadioButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from bluebook_desktop.ui.schedule_editor import ScheduleEditor

class Ui_TaskDetail(object):
    def setupUi(self, TaskDetail):
        if not TaskDetail.objectName():
            TaskDetail.setObjectName(u"TaskDetail")
        TaskDetail.resize(460, 640)
        self.mainLayout = QVBoxLayout(TaskDetail)
        self.mainLayout.setObjectName(u"mainLayout")
        self.emptyLabel = QLabel(TaskDetail)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setStyleSheet(u"color: palette(mid);")

        self.mainLayout.addWidget(self.emptyLabel)

        self.fieldsWidget = QWidget(TaskDetail)
        self.fieldsWidget.setObjectName(u"fieldsWidget")
        self.formLayout = QFormLayout(self.fieldsWidget)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.formLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.formLayout.setContentsMargins(0, 0, 0, 0)
        self.taskLabel = QLabel(self.fieldsWidget)
        self.taskLabel.setObjectName(u"taskLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.taskLabel)

        self.taskEdit = QLineEdit(self.fieldsWidget)
        self.taskEdit.setObjectName(u"taskEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.taskEdit)

        self.objectiveLabel = QLabel(self.fieldsWidget)
        self.objectiveLabel.setObjectName(u"objectiveLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.objectiveLabel)

        self.objectiveEdit = QPlainTextEdit(self.fieldsWidget)
        self.objectiveEdit.setObjectName(u"objectiveEdit")
        self.objectiveEdit.setMinimumSize(QSize(0, 100))
        self.objectiveEdit.setMaximumSize(QSize(16777215, 160))
        self.objectiveEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.objectiveEdit)

        self.targetLabel = QLabel(self.fieldsWidget)
        self.targetLabel.setObjectName(u"targetLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.targetLabel)

        self.targetEdit = QLineEdit(self.fieldsWidget)
        self.targetEdit.setObjectName(u"targetEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.targetEdit)

        self.leadersLabel = QLabel(self.fieldsWidget)
        self.leadersLabel.setObjectName(u"leadersLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.leadersLabel)

        self.leadersLayout = QGridLayout()
        self.leadersLayout.setObjectName(u"leadersLayout")
        self.leadersList = QListWidget(self.fieldsWidget)
        self.leadersList.setObjectName(u"leadersList")
        self.leadersList.setMaximumSize(QSize(16777215, 96))

        self.leadersLayout.addWidget(self.leadersList, 0, 0, 4, 1)

        self.leaderUpButton = QPushButton(self.fieldsWidget)
        self.leaderUpButton.setObjectName(u"leaderUpButton")

        self.leadersLayout.addWidget(self.leaderUpButton, 0, 1, 1, 1)

        self.leaderDownButton = QPushButton(self.fieldsWidget)
        self.leaderDownButton.setObjectName(u"leaderDownButton")

        self.leadersLayout.addWidget(self.leaderDownButton, 1, 1, 1, 1)

        self.removeLeaderButton = QPushButton(self.fieldsWidget)
        self.removeLeaderButton.setObjectName(u"removeLeaderButton")

        self.leadersLayout.addWidget(self.removeLeaderButton, 2, 1, 1, 1)

        self.leaderEdit = QLineEdit(self.fieldsWidget)
        self.leaderEdit.setObjectName(u"leaderEdit")

        self.leadersLayout.addWidget(self.leaderEdit, 4, 0, 1, 1)

        self.addLeaderButton = QPushButton(self.fieldsWidget)
        self.addLeaderButton.setObjectName(u"addLeaderButton")

        self.leadersLayout.addWidget(self.addLeaderButton, 4, 1, 1, 1)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.leadersLayout)

        self.roleLabel = QLabel(self.fieldsWidget)
        self.roleLabel.setObjectName(u"roleLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleWidget = QWidget(self.fieldsWidget)
        self.roleWidget.setObjectName(u"roleWidget")
        self.roleLayout = QHBoxLayout(self.roleWidget)
        self.roleLayout.setObjectName(u"roleLayout")
        self.roleLayout.setContentsMargins(0, 0, 0, 0)
        self.leadRadio = QRadioButton(self.roleWidget)
        self.roleGroup = QButtonGroup(TaskDetail)
        self.roleGroup.setObjectName(u"roleGroup")
        self.roleGroup.addButton(self.leadRadio)
        self.leadRadio.setObjectName(u"leadRadio")

        self.roleLayout.addWidget(self.leadRadio)

        self.assistRadio = QRadioButton(self.roleWidget)
        self.roleGroup.addButton(self.assistRadio)
        self.assistRadio.setObjectName(u"assistRadio")

        self.roleLayout.addWidget(self.assistRadio)

        self.roleHint = QLabel(self.roleWidget)
        self.roleHint.setObjectName(u"roleHint")
        self.roleHint.setStyleSheet(u"color: #c62828;")

        self.roleLayout.addWidget(self.roleHint)

        self.roleSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.roleLayout.addItem(self.roleSpacer)


        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.roleWidget)

        self.scheduleLabel = QLabel(self.fieldsWidget)
        self.scheduleLabel.setObjectName(u"scheduleLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.scheduleLabel)

        self.scheduleEditor = ScheduleEditor(self.fieldsWidget)
        self.scheduleEditor.setObjectName(u"scheduleEditor")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.scheduleEditor)


        self.mainLayout.addWidget(self.fieldsWidget)

        self.messageLabel = QLabel(TaskDetail)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setStyleSheet(u"color: #c62828;")

        self.mainLayout.addWidget(self.messageLabel)

        self.bottomSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.taskLabel.setBuddy(self.taskEdit)
        self.objectiveLabel.setBuddy(self.objectiveEdit)
        self.targetLabel.setBuddy(self.targetEdit)
        self.leadersLabel.setBuddy(self.leaderEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.taskEdit, self.objectiveEdit)
        QWidget.setTabOrder(self.objectiveEdit, self.targetEdit)
        QWidget.setTabOrder(self.targetEdit, self.leaderEdit)
        QWidget.setTabOrder(self.leaderEdit, self.addLeaderButton)
        QWidget.setTabOrder(self.addLeaderButton, self.leadersList)
        QWidget.setTabOrder(self.leadersList, self.leaderUpButton)
        QWidget.setTabOrder(self.leaderUpButton, self.leaderDownButton)
        QWidget.setTabOrder(self.leaderDownButton, self.removeLeaderButton)
        QWidget.setTabOrder(self.removeLeaderButton, self.leadRadio)
        QWidget.setTabOrder(self.leadRadio, self.assistRadio)

        self.retranslateUi(TaskDetail)

        QMetaObject.connectSlotsByName(TaskDetail)
    # setupUi

    def retranslateUi(self, TaskDetail):
        self.emptyLabel.setText(QCoreApplication.translate("TaskDetail", u"\u8bf7\u5148\u5728\u8868\u683c\u4e2d\u6dfb\u52a0\u6216\u9009\u62e9\u4e00\u9879\u4efb\u52a1\uff0c\u518d\u5728\u8fd9\u91cc\u586b\u5199\u3002", None))
        self.taskLabel.setText(QCoreApplication.translate("TaskDetail", u"\u5de5\u4f5c\u4efb\u52a1\uff1a", None))
        self.taskEdit.setPlaceholderText(QCoreApplication.translate("TaskDetail", u"\u5982\uff1a\u653f\u6cbb\u534f\u5546", None))
        self.objectiveLabel.setText(QCoreApplication.translate("TaskDetail", u"\u5e74\u5ea6\u76ee\u6807\uff1a", None))
        self.objectiveEdit.setPlaceholderText(QCoreApplication.translate("TaskDetail", u"\u505a\u4ec0\u4e48\u3001\u4e3a\u4ec0\u4e48\uff0c\u53ef\u5199\u591a\u884c", None))
        self.targetLabel.setText(QCoreApplication.translate("TaskDetail", u"\u76ee\u6807\uff1a", None))
        self.targetEdit.setPlaceholderText(QCoreApplication.translate("TaskDetail", u"\u53ef\u4e0d\u586b\uff1b\u6253\u5370\u4e3a\u5355\u72ec\u4e00\u884c\u201c\u76ee\u6807\uff1a\u2026\u2026\u201d", None))
        self.leadersLabel.setText(QCoreApplication.translate("TaskDetail", u"\u8d23\u4efb\u9886\u5bfc\uff1a", None))
#if QT_CONFIG(tooltip)
        self.leadersList.setToolTip(QCoreApplication.translate("TaskDetail", u"\u6309\u6253\u5370\u987a\u5e8f\u6392\u5217\uff1b\u9009\u4e2d\u540e\u53ef\u4e0a\u79fb\u3001\u4e0b\u79fb\u6216\u5220\u9664", None))
#endif // QT_CONFIG(tooltip)
        self.leaderUpButton.setText(QCoreApplication.translate("TaskDetail", u"\u4e0a\u79fb", None))
        self.leaderDownButton.setText(QCoreApplication.translate("TaskDetail", u"\u4e0b\u79fb", None))
        self.removeLeaderButton.setText(QCoreApplication.translate("TaskDetail", u"\u5220\u9664", None))
        self.leaderEdit.setPlaceholderText(QCoreApplication.translate("TaskDetail", u"\u8f93\u5165\u59d3\u540d\u540e\u6309\u56de\u8f66\uff0c\u591a\u4eba\u7528\u7a7a\u683c\u5206\u5f00", None))
        self.addLeaderButton.setText(QCoreApplication.translate("TaskDetail", u"\u6dfb\u52a0", None))
        self.roleLabel.setText(QCoreApplication.translate("TaskDetail", u"\u7275\u5934/\u534f\u529e\uff1a", None))
        self.leadRadio.setText(QCoreApplication.translate("TaskDetail", u"\u7275\u5934", None))
        self.assistRadio.setText(QCoreApplication.translate("TaskDetail", u"\u534f\u529e", None))
        self.roleHint.setText(QCoreApplication.translate("TaskDetail", u"\u8bf7\u9009\u62e9\u7275\u5934\u6216\u534f\u529e", None))
        self.scheduleLabel.setText(QCoreApplication.translate("TaskDetail", u"\u5168\u5e74\u8fdb\u5ea6\u5b89\u6392\uff1a", None))
        pass
    # retranslateUi

