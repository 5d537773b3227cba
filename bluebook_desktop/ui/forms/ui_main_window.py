# Generated from forms/main_window.ui by forms/compile_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
##
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QGridLayout, QHeaderView,
    QLabel, QMainWindow, QMenu, QMenuBar,
    QPushButton, QSizePolicy, QSplitter, QStackedWidget,
    QStatusBar, QTabWidget, QTableView, QVBoxLayout,
    QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        self.actionNew = QAction(MainWindow)
        self.actionNew.setObjectName(u"actionNew")
        self.actionNextYear = QAction(MainWindow)
        self.actionNextYear.setObjectName(u"actionNextYear")
        self.actionImport = QAction(MainWindow)
        self.actionImport.setObjectName(u"actionImport")
        self.actionExport = QAction(MainWindow)
        self.actionExport.setObjectName(u"actionExport")
        self.actionExportPackage = QAction(MainWindow)
        self.actionExportPackage.setObjectName(u"actionExportPackage")
        self.actionExportPdf = QAction(MainWindow)
        self.actionExportPdf.setObjectName(u"actionExportPdf")
        self.actionExportWord = QAction(MainWindow)
        self.actionExportWord.setObjectName(u"actionExportWord")
        self.actionPreview = QAction(MainWindow)
        self.actionPreview.setObjectName(u"actionPreview")
        self.actionPrint = QAction(MainWindow)
        self.actionPrint.setObjectName(u"actionPrint")
        self.actionSave = QAction(MainWindow)
        self.actionSave.setObjectName(u"actionSave")
        self.actionBackup = QAction(MainWindow)
        self.actionBackup.setObjectName(u"actionBackup")
        self.actionRestore = QAction(MainWindow)
        self.actionRestore.setObjectName(u"actionRestore")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionSettings = QAction(MainWindow)
        self.actionSettings.setObjectName(u"actionSettings")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.central = QWidget(MainWindow)
        self.central.setObjectName(u"central")
        self.centralLayout = QVBoxLayout(self.central)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(6, 6, 6, 6)
        self.banner = QLabel(self.central)
        self.banner.setObjectName(u"banner")
        self.banner.setVisible(False)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(u"QLabel { background: #fff4ce; border: 1px solid #e0c36c; padding: 6px; }")

        self.centralLayout.addWidget(self.banner)

        self.mainSplitter = QSplitter(self.central)
        self.mainSplitter.setObjectName(u"mainSplitter")
        self.mainSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.mainSplitter.setChildrenCollapsible(False)
        self.bookPanel = QWidget(self.mainSplitter)
        self.bookPanel.setObjectName(u"bookPanel")
        self.bookPanelLayout = QVBoxLayout(self.bookPanel)
        self.bookPanelLayout.setObjectName(u"bookPanelLayout")
        self.bookPanelLayout.setContentsMargins(0, 0, 0, 0)
        self.bookListLabel = QLabel(self.bookPanel)
        self.bookListLabel.setObjectName(u"bookListLabel")

        self.bookPanelLayout.addWidget(self.bookListLabel)

        self.bookList = QTableView(self.bookPanel)
        self.bookList.setObjectName(u"bookList")
        self.bookList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.bookList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.bookList.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.bookList.setWordWrap(False)
        self.bookList.horizontalHeader().setStretchLastSection(True)
        self.bookList.verticalHeader().setVisible(False)

        self.bookPanelLayout.addWidget(self.bookList)

        self.bookButtons = QGridLayout()
        self.bookButtons.setObjectName(u"bookButtons")
        self.newButton = QPushButton(self.bookPanel)
        self.newButton.setObjectName(u"newButton")

        self.bookButtons.addWidget(self.newButton, 0, 0, 1, 1)

        self.nextYearButton = QPushButton(self.bookPanel)
        self.nextYearButton.setObjectName(u"nextYearButton")

        self.bookButtons.addWidget(self.nextYearButton, 0, 1, 1, 2)

        self.importButton = QPushButton(self.bookPanel)
        self.importButton.setObjectName(u"importButton")

        self.bookButtons.addWidget(self.importButton, 1, 0, 1, 1)

        self.exportButton = QPushButton(self.bookPanel)
        self.exportButton.setObjectName(u"exportButton")

        self.bookButtons.addWidget(self.exportButton, 1, 1, 1, 1)

        self.deleteButton = QPushButton(self.bookPanel)
        self.deleteButton.setObjectName(u"deleteButton")

        self.bookButtons.addWidget(self.deleteButton, 1, 2, 1, 1)


        self.bookPanelLayout.addLayout(self.bookButtons)

        self.mainSplitter.addWidget(self.bookPanel)
        self.bookStack = QStackedWidget(self.mainSplitter)
        self.bookStack.setObjectName(u"bookStack")
        self.emptyLabel = QLabel()
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bookStack.addWidget(self.emptyLabel)
        self.tabs = QTabWidget()
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)
        self.bookStack.addWidget(self.tabs)
        self.mainSplitter.addWidget(self.bookStack)

        self.centralLayout.addWidget(self.mainSplitter)

        MainWindow.setCentralWidget(self.central)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.fileMenu = QMenu(self.menubar)
        self.fileMenu.setObjectName(u"fileMenu")
        self.editMenu = QMenu(self.menubar)
        self.editMenu.setObjectName(u"editMenu")
        self.toolsMenu = QMenu(self.menubar)
        self.toolsMenu.setObjectName(u"toolsMenu")
        self.helpMenu = QMenu(self.menubar)
        self.helpMenu.setObjectName(u"helpMenu")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.fileMenu.menuAction())
        self.menubar.addAction(self.editMenu.menuAction())
        self.menubar.addAction(self.toolsMenu.menuAction())
        self.menubar.addAction(self.helpMenu.menuAction())
        self.fileMenu.addAction(self.actionNew)
        self.fileMenu.addAction(self.actionNextYear)
        self.fileMenu.addSeparator()
        self.fileMenu.addAction(self.actionImport)
        self.fileMenu.addAction(self.actionExport)
        self.fileMenu.addAction(self.actionExportPackage)
        self.fileMenu.addSeparator()
        self.fileMenu.addAction(self.actionExportPdf)
        self.fileMenu.addAction(self.actionExportWord)
        self.fileMenu.addAction(self.actionPreview)
        self.fileMenu.addAction(self.actionPrint)
        self.fileMenu.addSeparator()
        self.fileMenu.addAction(self.actionSave)
        self.fileMenu.addAction(self.actionBackup)
        self.fileMenu.addAction(self.actionRestore)
        self.fileMenu.addSeparator()
        self.fileMenu.addAction(self.actionQuit)
        self.toolsMenu.addAction(self.actionSettings)
        self.helpMenu.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"\u7ee9\u6548\u76ee\u6807\u8d23\u4efb\u4e66\u586b\u62a5", None))
        self.actionNew.setText(QCoreApplication.translate("MainWindow", u"\u65b0\u5efa\u84dd\u76ae\u4e66(&N)", None))
#if QT_CONFIG(shortcut)
        self.actionNew.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+N", None))
#endif // QT_CONFIG(shortcut)
        self.actionNextYear.setText(QCoreApplication.translate("MainWindow", u"\u4ee5\u4e0a\u4e00\u5e74\u5ea6\u4e3a\u57fa\u7840\u65b0\u5efa\u2026", None))
        self.actionImport.setText(QCoreApplication.translate("MainWindow", u"\u5bfc\u5165(&I)\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionImport.setToolTip(QCoreApplication.translate("MainWindow", u"\u5bfc\u5165\u84dd\u76ae\u4e66\u6587\u4ef6\uff08.bluebook.json\uff09\u3001\u84dd\u76ae\u4e66\u5305\uff08.bluebook.zip\uff09\u6216 Word \u6587\u4ef6\uff08.docx\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionImport.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+O", None))
#endif // QT_CONFIG(shortcut)
        self.actionExport.setText(QCoreApplication.translate("MainWindow", u"\u5bfc\u51fa\u84dd\u76ae\u4e66\u6587\u4ef6\u2026", None))
        self.actionExportPackage.setText(QCoreApplication.translate("MainWindow", u"\u5bfc\u51fa\u84dd\u76ae\u4e66\u5305\uff08\u542b\u4f50\u8bc1\u6750\u6599\uff09\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionExportPackage.setToolTip(QCoreApplication.translate("MainWindow", u"\u84dd\u76ae\u4e66\u4e0e\u5168\u90e8\u4f50\u8bc1\u6750\u6599\u6253\u5305\u4e3a\u4e00\u4e2a .bluebook.zip \u6587\u4ef6\uff0c\u4ea4\u7ed9\u4ed6\u4eba\u5bfc\u5165", None))
#endif // QT_CONFIG(tooltip)
        self.actionExportPdf.setText(QCoreApplication.translate("MainWindow", u"\u5bfc\u51fa PDF\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionExportPdf.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+E", None))
#endif // QT_CONFIG(shortcut)
        self.actionExportWord.setText(QCoreApplication.translate("MainWindow", u"\u5bfc\u51fa Word\u2026", None))
        self.actionPreview.setText(QCoreApplication.translate("MainWindow", u"\u6253\u5370\u9884\u89c8\u2026", None))
        self.actionPrint.setText(QCoreApplication.translate("MainWindow", u"\u6253\u5370(&P)\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionPrint.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+P", None))
#endif // QT_CONFIG(shortcut)
        self.actionSave.setText(QCoreApplication.translate("MainWindow", u"\u7acb\u5373\u4fdd\u5b58(&S)", None))
#if QT_CONFIG(shortcut)
        self.actionSave.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+S", None))
#endif // QT_CONFIG(shortcut)
        self.actionBackup.setText(QCoreApplication.translate("MainWindow", u"\u5907\u4efd(&B)\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionBackup.setToolTip(QCoreApplication.translate("MainWindow", u"\u628a\u5168\u90e8\u84dd\u76ae\u4e66\u590d\u5236\u4e00\u4efd\uff08\u4f8b\u5982\u5b58\u5230 U \u76d8\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.actionRestore.setText(QCoreApplication.translate("MainWindow", u"\u4ece\u5907\u4efd\u6062\u590d\u2026", None))
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"\u9000\u51fa(&X)", None))
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.actionSettings.setText(QCoreApplication.translate("MainWindow", u"\u8bbe\u7f6e\u2026", None))
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"\u5173\u4e8e\u2026", None))
        self.bookListLabel.setText(QCoreApplication.translate("MainWindow", u"\u84dd\u76ae\u4e66\u5217\u8868", None))
        self.newButton.setText(QCoreApplication.translate("MainWindow", u"\u65b0\u5efa", None))
        self.nextYearButton.setText(QCoreApplication.translate("MainWindow", u"\u4ee5\u4e0a\u4e00\u5e74\u5ea6\u4e3a\u57fa\u7840\u65b0\u5efa", None))
        self.importButton.setText(QCoreApplication.translate("MainWindow", u"\u5bfc\u5165\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("MainWindow", u"\u5bfc\u51fa\u2026", None))
        self.deleteButton.setText(QCoreApplication.translate("MainWindow", u"\u5220\u9664", None))
        self.emptyLabel.setText(QCoreApplication.translate("MainWindow", u"\u8fd8\u6ca1\u6709\u6253\u5f00\u7684\u84dd\u76ae\u4e66\u3002\n"
"\u8bf7\u70b9\u51fb\u5de6\u4fa7\u201c\u65b0\u5efa\u201d\uff0c\u6216\u201c\u5bfc\u5165\u2026\u201d\u53bb\u5e74\u7684\u84dd\u76ae\u4e66\u6587\u4ef6\u6216 Word \u6587\u4ef6\u3002", None))
        self.fileMenu.setTitle(QCoreApplication.translate("MainWindow", u"\u6587\u4ef6(&F)", None))
        self.editMenu.setTitle(QCoreApplication.translate("MainWindow", u"\u7f16\u8f91(&E)", None))
        self.toolsMenu.setTitle(QCoreApplication.translate("MainWindow", u"\u5de5\u5177(&T)", None))
        self.helpMenu.setTitle(QCoreApplication.translate("MainWindow", u"\u5e2e\u52a9(&H)", None))
    # retranslateUi

